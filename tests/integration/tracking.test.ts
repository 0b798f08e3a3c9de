// Public tracking (DESIGN §6): status and timeline by tracking code, without personal data.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import {
  api,
  createDeliveryAs,
  createWorld,
  expectProblem,
  startAs,
  transitionAs,
  type Caller,
  type World,
} from "./support";

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
  await startAs(admin, delivery.id, world.courier.id);
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
    expect(res.body.timeline.map((t: any) => t.status)).toEqual(["CREATED", "ASSIGNED", "IN_TRANSIT", "FAILED"]);
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
    expect(text).not.toContain(world.courier.id);
    expect(Object.keys(res.body).sort()).toEqual([
      "createdAt",
      "deliveryDate",
      "dropoffWindow",
      "eta",
      "partner",
      "proofOnFile",
      "status",
      "timeZone",
      "timeline",
      "trackingCode",
      "updatedAt",
    ]);
    // The partner's own business contact, for recipients' questions; nothing of the recipient.
    expect(Object.keys(res.body.partner).sort()).toEqual(["contactEmail", "name"]);
    for (const entry of res.body.timeline) expect(Object.keys(entry).sort()).toEqual(["at", "status"]);
  });

  it("shows the drop-off window and the ETA, in the partner's time zone, on the API and the page", async () => {
    await db.partner.update({ where: { id: world.partnerA.id }, data: { timeZone: "America/New_York" } });
    try {
      const day = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
      // 14:00–16:00 in New York in winter or 15:00–17:00 in summer: the page says which.
      const from = new Date(`${day}T19:00:00Z`);
      const to = new Date(`${day}T21:00:00Z`);
      const windowed = await createDeliveryAs(keyA, {
        ...PERSONAL,
        deliveryDate: undefined,
        dropoffWindow: { from: from.toISOString(), to: to.toISOString() },
      });
      const eta = new Date(`${day}T20:30:00Z`);
      await db.delivery.update({ where: { id: windowed.id }, data: { eta } });

      const res = await api("GET", `/api/v1/tracking/${windowed.trackingCode}`);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        dropoffWindow: { from: from.toISOString(), to: to.toISOString() },
        eta: eta.toISOString(),
        timeZone: "America/New_York",
      });

      const page = await api<string>("GET", `/track/${windowed.trackingCode}`);
      expect(page.status).toBe(200);
      const local = (at: Date) =>
        new Intl.DateTimeFormat("en-GB", { timeStyle: "short", timeZone: "America/New_York" }).format(at);
      expect(page.body).toContain(`${local(from)}–${local(to)}`);
      expect(page.body).toContain("times in America/New_York");
      expect(page.body).toContain(local(eta));
      for (const value of Object.values(PERSONAL)) expect(page.body).not.toContain(value);
    } finally {
      await db.partner.update({ where: { id: world.partnerA.id }, data: { timeZone: "UTC" } });
    }
  });

  it("answers no window and no ETA as null", async () => {
    const res = await api("GET", `/api/v1/tracking/${delivery.trackingCode}`);
    expect(res.body).toMatchObject({ dropoffWindow: null, eta: null, timeZone: "UTC" });
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
