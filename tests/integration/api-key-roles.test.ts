// API keys with a role, end to end: made by the operator CLI as operators run it, then used over
// HTTP. An admin key does what an admin may (naming the partner it creates for, recorded as the
// key); a courier key is that courier (their list, their moves, stopped with their account).
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { OPERATOR_ACTOR } from "@/lib/auth/actor";
import { revokeApiKey } from "@/lib/auth/api-keys";
import { db } from "@/lib/db";
import { runImportBatch } from "@/lib/imports/run-import-batch";
import { setUserActive } from "@/lib/users/set-user-active";
import { api, createDeliveryAs, createWorld, deliveryPayload, futureDate, expectProblem, type World } from "./support";

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, "../..");

async function cli(...args: string[]) {
  try {
    const { stdout, stderr } = await run(path.join(root, "node_modules/.bin/tsx"), ["scripts/admin.ts", ...args], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: inject("databaseUrl") },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

let world: World;
let adminKey: { id: string; secret: string };
let courierKey: { id: string; secret: string };
let courierEmail: string;

beforeAll(async () => {
  world = await createWorld();
  courierEmail = (await db.user.findUniqueOrThrow({ where: { id: world.courier.id } })).email;
  const [a, c] = await Promise.all([
    cli("create-api-key", "--role", "ADMIN", "--name", "route planner", "--json"),
    cli("create-api-key", "--role", "COURIER", "--courier", courierEmail, "--name", "courier app", "--json"),
  ]);
  expect([a.code, c.code]).toEqual([0, 0]);
  adminKey = JSON.parse(a.stdout);
  courierKey = JSON.parse(c.stdout);
}, 120_000);

describe("the operator CLI", () => {
  it("prints each role's key once, and refuses a courier key without an active courier", async () => {
    expect(await db.apiKey.findUniqueOrThrow({ where: { id: adminKey.id } })).toMatchObject({
      role: "ADMIN",
      partnerId: null,
      userId: null,
    });
    expect(await db.apiKey.findUniqueOrThrow({ where: { id: courierKey.id } })).toMatchObject({
      role: "COURIER",
      partnerId: null,
      userId: world.courier.id,
    });
    const noCourier = await cli("create-api-key", "--role", "COURIER", "--name", "x", "--json");
    expect(noCourier.code).toBe(1);
    expect(noCourier.stderr).toMatch(/courier's email/);
    const notACourier = await cli(
      "create-api-key",
      "--role",
      "COURIER",
      "--courier",
      "nobody@test.example",
      "--name",
      "x",
    );
    expect(notACourier.stderr).toMatch(/No active courier/);
    expect(notACourier.stdout).toBe("");
  }, 120_000);
});

describe("an admin key", () => {
  const as = () => ({ apiKey: adminKey.secret });

  it("creates for the partner it names, recorded as the key, and must name one", async () => {
    const payload = deliveryPayload();
    expect(expectProblem(await api("POST", "/api/v1/deliveries", { as: as(), json: payload }), 400).errors).toEqual([
      { path: "partnerId", message: "Required: the partner this delivery is for" },
    ]);
    const res = await api("POST", "/api/v1/deliveries", {
      as: as(),
      json: { ...payload, partnerId: world.partnerA.id },
    });
    expect([res.status, res.body.partner.id]).toEqual([201, world.partnerA.id]);
    const row = await db.delivery.findUniqueOrThrow({ where: { id: res.body.id } });
    expect([row.createdByKind, row.createdById]).toEqual(["API_KEY", adminKey.id]);
    // Its partner sees it as one of its own.
    const seen = await api("GET", `/api/v1/deliveries/${res.body.id}`, { as: { apiKey: world.partnerA.apiKey } });
    expect(seen.status).toBe(200);
  });

  it("imports for the partner it names, each row created as staff on the partner's behalf", async () => {
    const ref = `AKI-${Date.now()}`;
    const csv = `pickupAddress,dropoffAddress,recipientName,deliveryDate,externalReference\n1 A St,2 B St,Ada,${futureDate()},${ref}\n`;
    const upload = await api("POST", `/api/v1/imports?partnerId=${world.partnerA.id}`, {
      as: as(),
      body: csv,
      headers: { "content-type": "text/csv" },
    });
    expect(upload.status, JSON.stringify(upload.body)).toBe(201);
    expect((await api("POST", `/api/v1/imports/${upload.body.id}/confirm`, { as: as() })).status).toBe(202);
    await runImportBatch(upload.body.id, 0);
    const row = await db.delivery.findFirstOrThrow({ where: { externalReference: ref } });
    expect([row.partnerId, row.createdByKind, row.createdById]).toEqual([world.partnerA.id, "API_KEY", adminKey.id]);
  });

  it("reads every partner's deliveries and dispatches, as an admin does", async () => {
    const ofB = await createDeliveryAs({ apiKey: world.partnerB.apiKey });
    const listed = await api("GET", `/api/v1/deliveries?partnerId=${world.partnerB.id}&limit=100`, { as: as() });
    expect(listed.body.data.map((d: { id: string }) => d.id)).toContain(ofB.id);
    const assigned = await api("PUT", `/api/v1/deliveries/${ofB.id}/assignment`, {
      as: as(),
      json: { assigneeId: world.courier.id },
    });
    expect([assigned.status, assigned.body.status, assigned.body.assignee.id]).toEqual([
      200,
      "ASSIGNED",
      world.courier.id,
    ]);
    expect((await api("GET", "/api/v1/couriers", { as: as() })).status).toBe(200);
    expect((await db.apiKey.findUniqueOrThrow({ where: { id: adminKey.id } })).lastUsedAt).not.toBeNull();
  });
});

describe("a courier key", () => {
  const as = () => ({ apiKey: courierKey.secret });

  it("is that courier: only their assignments, which they move as themselves", async () => {
    const theirs = await createDeliveryAs({ apiKey: world.partnerA.apiKey });
    const notTheirs = await createDeliveryAs({ apiKey: world.partnerA.apiKey });
    const assign = await api("PUT", `/api/v1/deliveries/${theirs.id}/assignment`, {
      as: { apiKey: adminKey.secret },
      json: { assigneeId: world.courier.id },
    });
    expect(assign.status).toBe(200);

    const list = await api("GET", "/api/v1/deliveries?limit=100", { as: as() });
    const ids = list.body.data.map((d: { id: string }) => d.id);
    expect(ids).toContain(theirs.id);
    expect(ids).not.toContain(notTheirs.id);
    expect(list.body.data.every((d: { assignee: { id: string } | null }) => d.assignee?.id === world.courier.id)).toBe(
      true,
    );
    expectProblem(await api("GET", `/api/v1/deliveries/${notTheirs.id}`, { as: as() }), 404);
    expectProblem(await api("POST", "/api/v1/deliveries", { as: as(), json: deliveryPayload() }), 403);

    const started = await api("POST", `/api/v1/deliveries/${theirs.id}/status`, {
      as: as(),
      json: { status: "IN_TRANSIT" },
    });
    expect([started.status, started.body.status]).toEqual([200, "IN_TRANSIT"]);
    const event = await db.deliveryStatusEvent.findFirstOrThrow({
      where: { deliveryId: theirs.id, toStatus: "IN_TRANSIT" },
    });
    expect([event.actorKind, event.actorId]).toEqual(["USER", world.courier.id]);
  });

  it("stops working when the courier is deactivated, and again when revoked", async () => {
    const own = await db.apiKey.findUniqueOrThrow({ where: { id: courierKey.id } });
    expect(own.lastUsedAt).not.toBeNull();
    await setUserActive({ actor: OPERATOR_ACTOR, input: { id: world.courier.id, active: false } });
    try {
      expectProblem(await api("GET", "/api/v1/deliveries", { as: as() }), 401);
    } finally {
      await setUserActive({ actor: OPERATOR_ACTOR, input: { id: world.courier.id, active: true } });
    }
    expect((await api("GET", "/api/v1/deliveries", { as: as() })).status).toBe(200);
    await revokeApiKey({ actor: OPERATOR_ACTOR, input: { id: courierKey.id } });
    expectProblem(await api("GET", "/api/v1/deliveries", { as: as() }), 401);
  });
});
