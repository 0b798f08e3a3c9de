// Proof of delivery, over HTTP: the recipient's code (limited attempts, then locked),
// photos and signatures judged by content, re-encoded without metadata, size-capped, and only
// ever shown to whoever may see the delivery.
import { randomUUID } from "node:crypto";
import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { MAX_CODE_ATTEMPTS } from "@/lib/deliveries/proof/check-proof";
import {
  api,
  baseUrl,
  createDeliveryAs,
  createWorld,
  errorPaths,
  expectProblem,
  transitionAs,
  type Caller,
  type World,
} from "./support";

let world: World;
let admin: Caller;
let courier: Caller;
let keyA: Caller;

beforeAll(async () => {
  world = await createWorld();
  admin = { cookie: world.admin.cookie };
  courier = { cookie: world.courier.cookie };
  keyA = { apiKey: world.partnerA.apiKey };
});

const setProof = (proofOfDelivery: "NONE" | "CODE" | "PHOTO" | "SIGNATURE") =>
  db.partner.update({ where: { id: world.partnerA.id }, data: { proofOfDelivery } });

/** Partner A's delivery, assigned to the world's courier and started by them. */
async function inTransit() {
  const d = await createDeliveryAs(keyA);
  const assigned = await api("PUT", `/api/v1/deliveries/${d.id}/assignment`, {
    as: admin,
    json: { assigneeId: world.courier.id },
  });
  expect(assigned.status).toBe(200);
  await transitionAs(courier, d.id, "IN_TRANSIT");
  return d;
}

const complete = (id: string, extra: Record<string, unknown> = {}, as: Caller = courier) =>
  api("POST", `/api/v1/deliveries/${id}/status`, { as, json: { status: "COMPLETED", ...extra } });

/** PUT raw bytes, as a phone's upload would. */
async function upload(id: string, kind: string, bytes: Uint8Array, as: Caller = courier, type = "image/jpeg") {
  const headers: Record<string, string> = { "content-type": type };
  if (as && "cookie" in as) headers.cookie = as.cookie;
  if (as && "apiKey" in as) headers.authorization = `Bearer ${as.apiKey}`;
  const res = await fetch(`${baseUrl}/api/v1/deliveries/${id}/proof/${kind}`, {
    method: "PUT",
    headers,
    body: Buffer.from(bytes),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : null };
}

/** A JPEG with EXIF, including a GPS block (tag 0x8825 points at it). */
async function photoWithGps() {
  return sharp({ create: { width: 2400, height: 1800, channels: 3, background: "#3366cc" } })
    .jpeg()
    .withExif({
      IFD0: { Make: "TestCam", Model: "Phone 1" },
      IFD3: { GPSLatitudeRef: "N", GPSLatitude: "51/1 30/1 0/1", GPSLongitudeRef: "W", GPSLongitude: "0/1 7/1 0/1" },
    })
    .toBuffer();
}
const hasGpsPointer = (exif: Buffer) =>
  exif.includes(Buffer.from([0x25, 0x88])) || exif.includes(Buffer.from([0x88, 0x25]));

describe("the recipient's delivery code", () => {
  it("completes with the right code and records the proof", async () => {
    await setProof("CODE");
    const d = await inTransit();
    const { proofCode } = await db.delivery.findUniqueOrThrow({ where: { id: d.id } });
    const fetched = await api("GET", `/api/v1/deliveries/${d.id}`, { as: courier });
    expect(JSON.stringify(fetched.body)).not.toContain(proofCode!);
    const missing = await complete(d.id);
    expect(errorPaths(missing)).toEqual(["code"]);
    expect((await complete(d.id, { code: proofCode })).body.status).toBe("COMPLETED");
    const proofs = await api("GET", `/api/v1/deliveries/${d.id}/proof`, { as: keyA });
    expect(proofs.body.data).toMatchObject([{ kind: "CODE", url: null }]);
    const tracking = await api("GET", `/api/v1/tracking/${d.trackingCode}`);
    expect(tracking.body).toMatchObject({ status: "COMPLETED", proofOnFile: true });
  });

  it(`refuses wrong codes, locks after ${MAX_CODE_ATTEMPTS}, and then refuses the right one too`, async () => {
    await setProof("CODE");
    const d = await inTransit();
    const { proofCode } = await db.delivery.findUniqueOrThrow({ where: { id: d.id } });
    const wrong = proofCode === "000000" ? "111111" : "000000";
    for (let left = MAX_CODE_ATTEMPTS - 1; left >= 0; left--) {
      const res = await complete(d.id, { code: wrong });
      expect(expectProblem(res, 400).attemptsLeft).toBe(left);
      expect(errorPaths(res)).toEqual(["code"]);
    }
    const locked = await complete(d.id, { code: proofCode });
    expect(expectProblem(locked, 409).codeLocked).toBe(true);
    const row = await db.delivery.findUniqueOrThrow({ where: { id: d.id } });
    expect(row).toMatchObject({ status: "IN_TRANSIT", proofCodeAttempts: MAX_CODE_ATTEMPTS });
    expect(await db.deliveryProof.count({ where: { deliveryId: d.id } })).toBe(0);
    // Dispatch can still close it (an override the history names), or the courier fails it.
    expect((await complete(d.id, {}, admin)).body.status).toBe("COMPLETED");
  });

  it("counts concurrent wrong guesses one by one: never more than the limit get judged", async () => {
    await setProof("CODE");
    const d = await inTransit();
    const { proofCode } = await db.delivery.findUniqueOrThrow({ where: { id: d.id } });
    const wrong = proofCode === "000000" ? "111111" : "000000";
    const responses = await Promise.all(Array.from({ length: 12 }, () => complete(d.id, { code: wrong })));
    expect(responses.filter((r) => r.status === 400)).toHaveLength(MAX_CODE_ATTEMPTS);
    expect(responses.filter((r) => r.status === 409)).toHaveLength(12 - MAX_CODE_ATTEMPTS);
  });
});

describe("photos and signatures", () => {
  it("strips EXIF (GPS included), downscales, and shows the photo to the partner and dispatch", async () => {
    await setProof("PHOTO");
    const d = await inTransit();
    const original = await photoWithGps();
    const before = await sharp(original).metadata();
    expect(hasGpsPointer(before.exif!)).toBe(true);
    const missing = await complete(d.id);
    expect(errorPaths(missing)).toEqual(["photo"]);
    const res = await upload(d.id, "photo", original);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ kind: "PHOTO", contentType: "image/jpeg", width: 1600, height: 1200 });
    const stored = await db.deliveryProof.findUniqueOrThrow({
      where: { deliveryId_kind: { deliveryId: d.id, kind: "PHOTO" } },
    });
    const after = await sharp(Buffer.from(stored.data!)).metadata();
    expect(after.exif).toBeUndefined();
    expect(after.xmp).toBeUndefined();
    expect(Buffer.from(stored.data!).includes(Buffer.from("Exif"))).toBe(false);
    expect(Buffer.from(stored.data!).includes(Buffer.from("TestCam"))).toBe(false);
    expect((await complete(d.id)).body.status).toBe("COMPLETED");
    for (const as of [keyA, { cookie: world.partnerA.cookie }, admin, courier]) {
      const image = await fetch(`${baseUrl}${res.body.url}`, {
        headers:
          "apiKey" in as! ? { authorization: `Bearer ${as.apiKey}` } : { cookie: (as as { cookie: string }).cookie },
      });
      expect(image.status).toBe(200);
      expect(image.headers.get("content-type")).toBe("image/jpeg");
      expect(image.headers.get("cache-control")).toMatch(/private/);
      expect(Buffer.from(await image.arrayBuffer()).equals(Buffer.from(stored.data!))).toBe(true);
    }
  });

  it("never shows one partner's proof to another partner, or to anyone signed out", async () => {
    await setProof("SIGNATURE");
    const d = await inTransit();
    const signature = await sharp({
      create: { width: 600, height: 200, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } },
    })
      .png()
      .toBuffer();
    expect((await upload(d.id, "signature", signature, courier, "image/png")).status).toBe(201);
    expect((await complete(d.id)).body.status).toBe("COMPLETED");
    const path = `/api/v1/deliveries/${d.id}/proof/signature`;
    for (const as of [{ cookie: world.partnerB.cookie }, { apiKey: world.partnerB.apiKey }]) {
      expectProblem(await api("GET", path, { as }), 404);
      expectProblem(await api("GET", `/api/v1/deliveries/${d.id}/proof`, { as }), 404);
    }
    expectProblem(await api("GET", path), 401);
    // The public tracking page says so, without a link to it.
    const page = await fetch(`${baseUrl}/track/${d.trackingCode}`);
    const html = await page.text();
    expect(html).toContain("Delivered, proof on file.");
    expect(html).not.toContain("/proof/");
  });

  it("refuses what is not an image with 415, whatever it is called, and stores nothing", async () => {
    await setProof("PHOTO");
    const d = await inTransit();
    const fakes = [
      Buffer.from("%PDF-1.7\n1 0 obj\n<<>>\nendobj\n"),
      Buffer.from("<svg xmlns='http://www.w3.org/2000/svg'></svg>"),
      Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from("not really a jpeg")]),
      Buffer.alloc(0),
    ];
    for (const bytes of fakes) expectProblem(await upload(d.id, "photo", bytes), 415);
    expect(await db.deliveryProof.count({ where: { deliveryId: d.id } })).toBe(0);
    expect((await db.delivery.findUniqueOrThrow({ where: { id: d.id } })).status).toBe("IN_TRANSIT");
  });

  it("refuses an upload over 8 MB with 413 and stores nothing", async () => {
    await setProof("PHOTO");
    const d = await inTransit();
    const res = await upload(d.id, "photo", Buffer.alloc(8 * 1024 * 1024 + 1, 0xff));
    expectProblem(res, 413);
    expect(await db.deliveryProof.count({ where: { deliveryId: d.id } })).toBe(0);
  });

  it("takes proof only from whoever may complete it, and only in transit", async () => {
    await setProof("PHOTO");
    const jpeg = await sharp({ create: { width: 10, height: 10, channels: 3, background: "#000" } })
      .jpeg()
      .toBuffer();
    const d = await createDeliveryAs(keyA);
    expectProblem(await upload(d.id, "photo", jpeg, admin), 409);
    expectProblem(await upload(d.id, "photo", jpeg, keyA), 403);
    expectProblem(await upload(d.id, "photo", jpeg, courier), 404);
    expectProblem(await upload(d.id, "photo", jpeg, { apiKey: world.partnerB.apiKey }), 404);
    expectProblem(await upload(randomUUID(), "photo", jpeg, admin), 404);
    expectProblem(await upload(d.id, "selfie", jpeg, admin), 404);
    expect(await db.deliveryProof.count({ where: { deliveryId: d.id } })).toBe(0);
  });
});
