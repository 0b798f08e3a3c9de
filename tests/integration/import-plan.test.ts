// What an unconfirmed import says before anything is created (which rows already exist, which
// repeat), discarding it, and the deliveries list's `import` filter: the domain functions directly.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createDelivery } from "@/lib/deliveries/create-delivery";
import { listDeliveries } from "@/lib/deliveries/list-deliveries";
import { listDeliveriesQuerySchema } from "@/lib/deliveries/schemas";
import { discardImport } from "@/lib/imports/discard-import";
import { getImportPlan } from "@/lib/imports/get-import";
import { importIdempotencyKey } from "@/lib/imports/import-keys";
import { listImports } from "@/lib/imports/list-imports";
import type { ImportRow } from "@/lib/imports/parse-import";
import { previewImport } from "@/lib/imports/preview-import";
import { actorsOf, createWorld, futureDate, type World } from "./support";

let world: World;
let as: ReturnType<typeof actorsOf>;

beforeAll(async () => {
  world = await createWorld();
  as = actorsOf(world);
});

const header = "pickupAddress,dropoffAddress,recipientName,deliveryDate,externalReference";
const line = (ref: string, name = "Ada") => `1 Depot Rd,2 Main St,${name},${futureDate(3)},${ref}`;
const file = (...lines: string[]) => new TextEncoder().encode([header, ...lines].join("\n"));
const query = (value: Record<string, unknown>) => listDeliveriesQuerySchema.parse({ limit: 100, ...value });

describe("an unconfirmed import", () => {
  it("counts rows that already exist, rows repeating each other, and those it would create", async () => {
    const tag = randomUUID().slice(0, 8);
    const existing = await previewImport({ actor: as.partnerA, input: { bytes: file(line(`${tag}-1`)) } });
    // The row's delivery, created as the import would create it.
    const record = await db.deliveryImport.findUniqueOrThrow({ where: { id: existing.id } });
    const [{ input }] = record.rows as unknown as ImportRow[];
    await createDelivery({
      actor: as.partnerA,
      input,
      idempotencyKey: importIdempotencyKey(input),
      importId: existing.id,
    });

    const again = await previewImport({
      actor: as.partnerA,
      input: { bytes: file(line(`${tag}-1`), line(`${tag}-2`), line(`${tag}-2`), line(`${tag}-3`)) },
    });
    expect(await getImportPlan({ actor: as.partnerA, id: again.id })).toEqual({
      existing: 1,
      repeated: 1,
      toCreate: 2,
    });
    // Partner B's file with the same references is partner B's: nothing of it exists.
    const other = await previewImport({ actor: as.partnerB, input: { bytes: file(line(`${tag}-1`)) } });
    expect(await getImportPlan({ actor: as.partnerB, id: other.id })).toEqual({
      existing: 0,
      repeated: 0,
      toCreate: 1,
    });

    // The list's filter: the file's deliveries, whoever created them; another partner's import shows nothing.
    const listed = await listDeliveries({ actor: as.partnerA, query: query({ import: again.id }) });
    expect(listed.data.map((d) => d.externalReference)).toEqual([`${tag}-1`]);
    expect((await listDeliveries({ actor: as.partnerB, query: query({ import: again.id }) })).data).toEqual([]);
    expect((await listDeliveries({ actor: as.admin, query: query({ import: again.id }) })).data).toHaveLength(1);
    expect(listDeliveriesQuerySchema.safeParse({ import: "nope" }).success).toBe(false);
  });

  it("is discarded by its partner, not by another; a discarded import is gone", async () => {
    const preview = await previewImport({ actor: as.partnerA, input: { bytes: file(line(randomUUID())) } });
    await expect(discardImport({ actor: as.partnerB, id: preview.id })).rejects.toMatchObject({ code: "not_found" });
    await discardImport({ actor: as.partnerA, id: preview.id });
    expect((await listImports({ actor: as.partnerA })).map((i) => i.id)).not.toContain(preview.id);
    await expect(discardImport({ actor: as.partnerA, id: preview.id })).rejects.toMatchObject({ code: "not_found" });
    await expect(discardImport({ actor: as.partnerA, id: "not-a-uuid" })).rejects.toMatchObject({ code: "not_found" });
  });
});
