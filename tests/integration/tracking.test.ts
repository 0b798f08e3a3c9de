// Public tracking (DESIGN §6): status and timeline by tracking code, without personal data.
import { beforeAll, describe, expect, it } from "vitest";
import { api, createDeliveryAs, createWorld, expectProblem, transitionAs, type Caller, type World } from "./support";

let world: World;
let keyA: Caller;
let admin: Caller;

const PERSONAL = {
  pickupAddress: "221B Baker Street Pickupville",
  dropoffAddress: "742 Evergreen Terrace Dropton",
  recipientName: "Philomena Cunk-Tracking",
  recipientPhone: "+44 20 7946 0321",
  recipientEmail: "philomena.tracking@example.org",
  notes: "Leave with neighbour Mrs Wigglesworth",
  productName: "Secret Birthday Present",
  externalReference: "PRIVATE-ORDER-98765",
};

let delivery: Awaited<ReturnType<typeof createDeliveryAs>>;

beforeAll(async () => {
  world = await createWorld();
  keyA = { apiKey: world.partnerA.apiKey };
  admin = { cookie: world.admin.cookie };
  delivery = await createDeliveryAs(keyA, { ...PERSONAL, packageWeightKg: 3.25 });
  await transitionAs(admin, delivery.id, "IN_TRANSIT");
  await transitionAs(admin, delivery.id, "FAILED", "Recipient Philomena refused at 742 Evergreen Terrace");
});

describe("GET /api/v1/tracking/{trackingCode}", () => {
  it("returns the status and the timeline, oldest first, to anonymous callers", async () => {
    const res = await api("GET", `/api/v1/tracking/${delivery.trackingCode}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    expect(res.body).toMatchObject({
      trackingCode: delivery.trackingCode,
      status: "FAILED",
      deliveryDate: delivery.deliveryDate,
      partner: { name: delivery.partner.name },
      createdAt: delivery.createdAt,
    });
    expect(res.body.timeline.map((t: any) => t.status)).toEqual(["CREATED", "IN_TRANSIT", "FAILED"]);
    const times = res.body.timeline.map((t: any) => Date.parse(t.at));
    expect(times.every((t: number) => Number.isFinite(t))).toBe(true);
    expect([...times].sort((a, b) => a - b)).toEqual(times);
  });

  it("exposes no recipient name, phone, email, addresses, notes, product, reference or failure reason", async () => {
    const res = await api("GET", `/api/v1/tracking/${delivery.trackingCode}`);
    const text = JSON.stringify(res.body);
    for (const [field, value] of Object.entries(PERSONAL)) {
      expect(text, field).not.toContain(value);
    }
    expect(text).not.toContain("Philomena");
    expect(text).not.toContain("Evergreen");
    expect(text).not.toContain("refused");
    expect(text).not.toContain(delivery.id);
    expect(text).not.toContain(world.partnerA.id);
    expect(Object.keys(res.body).sort()).toEqual([
      "createdAt",
      "deliveryDate",
      "partner",
      "proofOnFile",
      "status",
      "timeline",
      "trackingCode",
      "updatedAt",
    ]);
    // The partner's own business contact, for recipients' questions; nothing of the recipient.
    expect(Object.keys(res.body.partner).sort()).toEqual(["contactEmail", "name"]);
    for (const entry of res.body.timeline) expect(Object.keys(entry).sort()).toEqual(["at", "status"]);
  });

  it("accepts the code in lower case or with surrounding whitespace", async () => {
    const lower = await api("GET", `/api/v1/tracking/${delivery.trackingCode.toLowerCase()}`);
    expect(lower.status).toBe(200);
    expect(lower.body.trackingCode).toBe(delivery.trackingCode);
    const padded = await api("GET", `/api/v1/tracking/%20${delivery.trackingCode}%20`);
    expect(padded.status).toBe(200);
  });

  it("answers an unknown but well-formed code with a 404 problem", async () => {
    const unknown = delivery.trackingCode.endsWith("Z")
      ? delivery.trackingCode.replace(/Z$/, "Y")
      : delivery.trackingCode.replace(/.$/, "Z");
    const problem = expectProblem(await api("GET", `/api/v1/tracking/${unknown}`), 404);
    expect(problem.type).toBe("/problems/not-found");
  });

  it("answers a delivery id or a malformed code with 404", async () => {
    expectProblem(await api("GET", `/api/v1/tracking/${delivery.id}`), 404);
    expectProblem(await api("GET", "/api/v1/tracking/DLV-123"), 404);
    expectProblem(await api("GET", `/api/v1/tracking/${delivery.trackingCode}X`), 404);
  });

  it("shows a new delivery with a one-entry timeline and follows its changes", async () => {
    const d = await createDeliveryAs(keyA);
    const before = await api("GET", `/api/v1/tracking/${d.trackingCode}`);
    expect(before.body.status).toBe("CREATED");
    expect(before.body.timeline.map((t: any) => t.status)).toEqual(["CREATED"]);
    await transitionAs(keyA, d.id, "CANCELLED");
    const after = await api("GET", `/api/v1/tracking/${d.trackingCode}`);
    expect(after.body.status).toBe("CANCELLED");
    expect(after.body.timeline.map((t: any) => t.status)).toEqual(["CREATED", "CANCELLED"]);
  });

  it("hands out the tracking URL in the delivery representation", async () => {
    expect(delivery.trackingUrl).toMatch(new RegExp(`/track/${delivery.trackingCode}$`));
  });
});
