// Bulk import over HTTP on the production server with the embedded executor: a CSV is
// validated (nothing written), confirmed, then created by background work through createDelivery.
// Re-uploads and crashes create nothing twice; another partner sees nothing; hostile files are 4xx.
import { readFileSync } from "node:fs";
import { randomUUID } from "node:crypto";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { db } from "@/lib/db";
import { IMPORT_COLUMNS } from "@/lib/imports/parse-import";
import { startApp, type RunningApp } from "../support/app-server";
import { createWorld, expectProblem, futureDate, PASSWORD, signIn, type World } from "./support";

let world: World;
let app: RunningApp;
const appEnv = { OUTBOX_RELAY_INTERVAL_MS: "500", BACKGROUND_POLL_MS: "200", BACKGROUND_LEASE_MS: "3000" };

beforeAll(async () => {
  world = await createWorld();
  app = await startApp({ databaseUrl: inject("databaseUrl"), env: appEnv, echo: true });
});
afterAll(async () => {
  await app.stop();
  // Tens of thousands of rows of one partner would skew the plans and lists later files check on
  // the shared database; and the rows' own fan-out (webhooks, emails) is nobody else's work.
  const mine = { path: ["data", "partnerId"], equals: world.partnerA.id };
  await db.backgroundRun.deleteMany({ where: { event: mine } });
  await db.outboxEvent.deleteMany({ where: { payload: { path: ["partnerId"], equals: world.partnerA.id } } });
  await db.delivery.deleteMany({ where: { partnerId: world.partnerA.id } });
  await db.$executeRawUnsafe(`ANALYZE "Delivery"`);
});

const header = "pickupAddress,dropoffAddress,recipientName,deliveryDate,externalReference,packageWeightKg";
const csvOf = (refs: string[]) =>
  [
    header,
    ...refs.map((ref, i) => `${i} Depot Rd,"${i} Main St, Flat 2",Recipient ${i},${futureDate(3)},${ref},1.5`),
  ].join("\n");

async function call(
  method: string,
  path: string,
  options: { key?: string; cookie?: string; body?: string | Uint8Array; type?: string } = {},
) {
  const res = await fetch(`${app.url}${path}`, {
    method,
    headers: {
      ...(options.cookie
        ? { cookie: options.cookie }
        : { authorization: `Bearer ${options.key ?? world.partnerA.apiKey}` }),
      ...(options.type ? { "content-type": options.type } : {}),
    },
    body: options.body as BodyInit | undefined,
  });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // CSV or empty
  }
  return { status: res.status, headers: res.headers, body: body as any, text };
}

const upload = (csv: string | Uint8Array, key?: string) =>
  call("POST", "/api/v1/imports", { key, body: csv, type: "text/csv" });

async function completed(id: string, key?: string, timeoutMs = 240_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const res = await call("GET", `/api/v1/imports/${id}`, { key });
    if (res.body.status === "COMPLETED") return res.body;
    if (Date.now() > deadline)
      throw new Error(`import ${id} did not complete: ${JSON.stringify(res.body).slice(0, 300)}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Peak resident memory of the server process so far (VmHWM), in MB. */
const peakRssMb = (pid: number) =>
  Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))![1]) / 1024;

describe("CSV import", () => {
  it("offers a template whose columns are the create schema's fields", async () => {
    const res = await call("GET", "/api/v1/imports/template.csv");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/csv/);
    const [columns] = parse(res.text) as string[][];
    expect(columns).toEqual(IMPORT_COLUMNS);
  });

  it("keeps one partner's imports from another (404) and refuses a second confirmation", async () => {
    const preview = await upload(csvOf([`PRIV-${randomUUID().slice(0, 8)}`]));
    const other = world.partnerB.apiKey;
    expectProblem(await call("GET", `/api/v1/imports/${preview.body.id}`, { key: other }), 404);
    expectProblem(await call("POST", `/api/v1/imports/${preview.body.id}/confirm`, { key: other }), 404);
    expectProblem(await call("GET", `/api/v1/imports/${preview.body.id}/errors.csv`, { key: other }), 404);
    expect(
      (await call("GET", "/api/v1/imports", { key: other })).body.data.map((i: { id: string }) => i.id),
    ).not.toContain(preview.body.id);
    expect((await call("POST", `/api/v1/imports/${preview.body.id}/confirm`)).status).toBe(202);
    expectProblem(await call("POST", `/api/v1/imports/${preview.body.id}/confirm`), 409);
  });

  it("lets an admin import on behalf of a partner they name, and only then", { timeout: 120_000 }, async () => {
    const admin = await db.user.findUniqueOrThrow({ where: { id: world.admin.id }, select: { email: true } });
    const { cookie } = await signIn(admin.email, PASSWORD, app.url);
    const tag = randomUUID().slice(0, 8);
    const file = csvOf([`ADM-${tag}-1`, `ADM-${tag}-2`]);
    const asAdmin = (query: string) =>
      call("POST", `/api/v1/imports${query}`, { cookie, body: file, type: "text/csv" });
    for (const query of ["", "?partnerId=not-a-uuid", `?partnerId=${randomUUID()}`, "?partnerId=1&x=2"]) {
      const refused = expectProblem(await asAdmin(query), 400);
      expect(refused.errors?.[0]?.path ?? "").toMatch(/partnerId|x/);
    }
    // A partner names no other partner.
    expectProblem(
      await call("POST", `/api/v1/imports?partnerId=${world.partnerB.id}`, { body: file, type: "text/csv" }),
      400,
    );

    const preview = await asAdmin(`?partnerId=${world.partnerA.id}`);
    expect(preview.status).toBe(201);
    expect(preview.body).toMatchObject({ partnerId: world.partnerA.id, validRows: 2 });
    expect((await call("POST", `/api/v1/imports/${preview.body.id}/confirm`, { cookie })).status).toBe(202);
    const done = await completed(preview.body.id);
    expect(done).toMatchObject({ created: 2, existed: 0, failed: 0 });
    // Partner A's deliveries, recorded as created by the admin; both were told it finished.
    const rows = await db.delivery.findMany({
      where: { externalReference: { startsWith: `ADM-${tag}-` } },
      select: { partnerId: true, createdByKind: true, createdById: true },
    });
    expect(rows).toEqual(
      Array(2).fill({ partnerId: world.partnerA.id, createdByKind: "USER", createdById: world.admin.id }),
    );
    const told = await db.notification.findMany({
      where: { dedupeKey: `import:${preview.body.id}` },
      select: { userId: true },
    });
    expect(told.map((n) => n.userId).sort()).toEqual([world.admin.id, world.partnerA.userId].sort());
    // The partner sees the import made for it; the other partner does not.
    expect((await call("GET", `/api/v1/imports/${preview.body.id}`)).status).toBe(200);
    expectProblem(await call("GET", `/api/v1/imports/${preview.body.id}`, { key: world.partnerB.apiKey }), 404);
  });

  it("answers hostile files with 4xx and writes nothing", async () => {
    const before = await db.deliveryImport.count({ where: { partnerId: world.partnerB.id } });
    const key = world.partnerB.apiKey;
    const cases: [string | Uint8Array, number, string?][] = [
      [new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0xff, 0xfe, 0x00]), 400],
      [`${header}\n"unclosed,2 Main,Ada,${futureDate(2)},X,1\n`, 400],
      [`${header}\n${"x".repeat(100_000)},2 Main,Ada,${futureDate(2)},X,1\n`, 400],
      [new Uint8Array(100 * 1024 * 1024).fill(0x41), 413],
      [csvOf(["X"]), 415, "application/json"],
    ];
    for (const [body, status, type] of cases) {
      const res = await call("POST", "/api/v1/imports", { key, body, type: type ?? "text/csv" });
      expectProblem(res, status);
    }
    expect(await db.deliveryImport.count({ where: { partnerId: world.partnerB.id } })).toBe(before);
  });

  it(
    "reports each bad row with its row and column, in the response and the error CSV",
    { timeout: 120_000 },
    async () => {
      const tag = randomUUID().slice(0, 8);
      const file = [
        header,
        `1 Depot,2 Main,Ada,${futureDate(2)},OK-${tag}-1,2`,
        `,2 Main,Bo,${futureDate(2)},BAD-${tag}-1,2`,
        `1 Depot,2 Main,Cy,31/12/2030,BAD-${tag}-2,heavy`,
        `1 Depot,2 Main,Di,${futureDate(2)},OK-${tag}-2,"2,25"`,
      ].join("\n");
      const preview = await upload(file);
      expect(preview.status).toBe(201);
      expect(preview.body).toMatchObject({ totalRows: 4, validRows: 2, invalidRows: 2 });
      expect(preview.body.errors).toEqual([
        { row: 3, column: "pickupAddress", message: "Required" },
        { row: 4, column: "packageWeightKg", message: "Must be a number" },
        { row: 4, column: "deliveryDate", message: "Use the format YYYY-MM-DD" },
      ]);
      const errorsCsv = await call("GET", `/api/v1/imports/${preview.body.id}/errors.csv`);
      expect(parse(errorsCsv.text, { columns: true })).toEqual([
        { row: "3", column: "pickupAddress", message: "Required" },
        { row: "4", column: "packageWeightKg", message: "Must be a number" },
        { row: "4", column: "deliveryDate", message: "Use the format YYYY-MM-DD" },
      ]);
      await call("POST", `/api/v1/imports/${preview.body.id}/confirm`);
      expect(await completed(preview.body.id)).toMatchObject({ created: 2, failed: 0 });
      const weights = await db.delivery.findMany({
        where: { externalReference: { startsWith: `OK-${tag}` } },
        select: { packageWeightKg: true },
      });
      expect(weights.map((w) => Number(w.packageWeightKg)).sort()).toEqual([2, 2.25]);
    },
  );

  it(
    "finishes an import after the server is killed in the middle, without duplicates",
    { timeout: 300_000 },
    async () => {
      const tag = randomUUID().slice(0, 8);
      const preview = await upload(csvOf(Array.from({ length: 2_000 }, (_, i) => `KILL-${tag}-${i}`)));
      await call("POST", `/api/v1/imports/${preview.body.id}/confirm`);
      const deadline = Date.now() + 60_000;
      while ((await db.delivery.count({ where: { externalReference: { startsWith: `KILL-${tag}-` } } })) < 600) {
        if (Date.now() > deadline) throw new Error("the import did not start");
        await new Promise((r) => setTimeout(r, 50));
      }
      await app.stop("SIGKILL");
      const midway = await db.delivery.count({ where: { externalReference: { startsWith: `KILL-${tag}-` } } });
      expect(midway).toBeLessThan(2_000);

      app = await startApp({ databaseUrl: inject("databaseUrl"), env: appEnv, echo: true });
      const done = await completed(preview.body.id);
      expect(done.created + done.existed).toBe(2_000);
      expect(done.created).toBe(2_000); // rows of the interrupted batch were created by this import
      expect(await db.delivery.count({ where: { externalReference: { startsWith: `KILL-${tag}-` } } })).toBe(2_000);
    },
  );
  it("imports 10,000 rows, and the same file again creates nothing new", { timeout: 900_000 }, async () => {
    const tag = randomUUID().slice(0, 8);
    const file = csvOf(Array.from({ length: 10_000 }, (_, i) => `BIG-${tag}-${i}`));
    const started = Date.now();
    const preview = await upload(file);
    expect(preview.status).toBe(201);
    expect(preview.body).toMatchObject({ status: "VALIDATED", totalRows: 10_000, validRows: 10_000, errors: [] });
    expect(await db.delivery.count({ where: { externalReference: { startsWith: `BIG-${tag}-` } } })).toBe(0);

    const confirm = await call("POST", `/api/v1/imports/${preview.body.id}/confirm`);
    expect(confirm.status).toBe(202);
    const done = await completed(preview.body.id);
    const seconds = (Date.now() - started) / 1000;
    expect(done).toMatchObject({ created: 10_000, existed: 0, failed: 0, progress: 1 });
    console.info(
      `import: 10,000 rows in ${seconds.toFixed(1)} s (${Math.round(10_000 / seconds)} rows/s), server peak RSS ${Math.round(peakRssMb(app.child.pid!))} MB`,
    );
    expect(await db.delivery.count({ where: { externalReference: { startsWith: `BIG-${tag}-` } } })).toBe(10_000);
    const note = await db.notification.findFirst({
      where: { userId: world.partnerA.userId, dedupeKey: `import:${preview.body.id}` },
    });
    expect(note?.body).toBe("10,000 created, 0 already existed, 0 failed.");

    // Each created row is also a delivery/created event (webhook, recipient email), now queued;
    // the import function is ahead of that queue (priority), so the re-upload does not wait for it.
    const againStarted = Date.now();
    const again = await upload(file);
    await call("POST", `/api/v1/imports/${again.body.id}/confirm`);
    expect(await completed(again.body.id)).toMatchObject({ created: 0, existed: 10_000, failed: 0 });
    const againSeconds = ((Date.now() - againStarted) / 1000).toFixed(1);
    console.info(`import: the same 10,000 rows again in ${againSeconds} s, 0 created`);
    expect(await db.delivery.count({ where: { externalReference: { startsWith: `BIG-${tag}-` } } })).toBe(10_000);
  });
});
