// Keyset-paginated listing (DESIGN §6): rows ordered on (sort column, id), a cursor naming the last
// row seen, so pages never repeat or skip rows and each is one index range scan however deep. The
// API lists newest first; the web table may also sort by delivery date and page backwards.
import { AppError } from "@/lib/core/errors";
import { deliveryScope, type Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { can } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { cappedTotal } from "@/lib/core/pagination";
import { CURSOR_MESSAGE, readCursor, writeCursor, type Cursor } from "@/lib/core/cursor";
import {
  deliveryTableQuerySchema,
  UNASSIGNED,
  type DeliverySort,
  type ListDeliveriesQuery,
} from "@/lib/deliveries/schemas";
import { isoDate } from "@/lib/core/format";
import { deliverySelect } from "@/lib/deliveries/serialize";
import { importDeliveryFilter } from "@/lib/imports/import-keys";
import { OPEN_STATUSES } from "@/lib/deliveries/windows";
import type { Prisma } from "@/lib/generated/prisma/client";
import { z } from "zod";

export const DEFAULT_SORT: DeliverySort = { by: "createdAt", dir: "desc" };

export { UNASSIGNED };

/** The web table's view: the table query (the API's filters, "unassigned" among them, and a sort). */
export const deliveryViewQuerySchema = deliveryTableQuerySchema;

export type DeliveryViewQuery = z.infer<typeof deliveryViewQuerySchema>;

type CursorRow = { id: string; createdAt: Date; deliveryDate: Date | string; dueAt: Date };

const sortValue = (row: CursorRow, sort: DeliverySort) =>
  sort.by === "deliveryDate" ? isoDate(row.deliveryDate) : row[sort.by].toISOString();

export function encodeCursor(row: CursorRow, sort: DeliverySort = DEFAULT_SORT, backwards = false): string {
  return writeCursor(sortValue(row, sort), row.id, backwards);
}

/** The query schema has already refused a bad cursor; this guards callers that skip it. */
export function decodeCursor(value: string): Cursor {
  const cursor = readCursor(value);
  if (!cursor) {
    throw new AppError("validation_failed", "The cursor is not valid.", {
      errors: [{ path: "cursor", message: CURSOR_MESSAGE }],
    });
  }
  return cursor;
}

/** A bare date as upper bound means the whole day. */
function upperBound(to: string): Prisma.DateTimeFilter {
  if (/^\d{4}-\d{2}-\d{2}$/.test(to)) {
    const next = new Date(`${to}T00:00:00.000Z`);
    next.setUTCDate(next.getUTCDate() + 1);
    return { lt: next };
  }
  return { lte: new Date(to) };
}

/** `\`, `%` and `_` as literal characters in a LIKE pattern (PostgreSQL's default escape is `\`). */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * `importKeys`: the idempotency keys of the rows of the import the query names (importKeysOf);
 * none, or an import the caller cannot see, matches nothing.
 */
export function buildWhere(actor: Actor, query: ListDeliveriesQuery, importKeys?: string[]): Prisma.DeliveryWhereInput {
  const scope = deliveryScope(actor);
  const and: Prisma.DeliveryWhereInput[] = [];
  if (query.import) and.push({ idempotencyKey: { in: importKeys ?? [] } });
  if (scope.partnerId) and.push({ partnerId: scope.partnerId });
  else if (query.partnerId && can(actor, "deliveries.readAll")) and.push({ partnerId: query.partnerId });
  if (scope.assigneeId) and.push({ assigneeId: scope.assigneeId });
  else if (query.assigneeId && can(actor, "deliveries.readAll")) {
    and.push({ assigneeId: query.assigneeId === UNASSIGNED ? null : query.assigneeId });
  }
  if (query.status?.length) and.push({ status: { in: query.status } });
  if (query.late !== undefined) and.push(query.late ? lateWhere() : { NOT: lateWhere() });
  if (query.from) and.push({ createdAt: { gte: new Date(query.from) } });
  if (query.to) and.push({ createdAt: upperBound(query.to) });
  if (query.q) {
    // Prisma passes `contains` to ILIKE unescaped (prisma/prisma#10810): escape the wildcards so
    // that `%` and `_` in a search match themselves.
    // One generated column (tracking code, reference, recipient, addresses) under one trigram index.
    and.push({ searchText: { contains: escapeLike(query.q), mode: "insensitive" } });
  }
  return { AND: and };
}

/** Late: an open delivery whose drop-off window has ended (isLate, as the database sees it). */
export function lateWhere(now = new Date()): Prisma.DeliveryWhereInput {
  return { status: { in: [...OPEN_STATUSES] }, dropoffWindowEnd: { lt: now } };
}

/** Rows strictly after the cursor row in the direction of travel. */
function afterCursor(sort: DeliverySort, cursor: Cursor, ascending: boolean): Prisma.DeliveryWhereInput[] {
  const value = new Date(cursor.value);
  const [op, opOrEqual] = ascending ? (["gt", "gte"] as const) : (["lt", "lte"] as const);
  // The redundant bound gives the planner an index range; the OR settles ties on the sort column.
  return [
    { [sort.by]: { [opOrEqual]: value } },
    { OR: [{ [sort.by]: { [op]: value } }, { [sort.by]: value, id: { [op]: cursor.id } }] },
  ];
}

export interface ListDeliveriesOptions {
  actor: Actor;
  query: ListDeliveriesQuery;
  sort?: DeliverySort;
  /** Also count the view's rows (the web table's total; the API leaves it out). */
  withTotal?: boolean;
}

/** The keys buildWhere needs for the query's `import` filter (undefined without one). */
export async function importKeysOf(actor: Actor, query: ListDeliveriesQuery): Promise<string[] | undefined> {
  return query.import ? ((await importDeliveryFilter(actor, query.import))?.keys ?? []) : undefined;
}

export async function listDeliveries(options: ListDeliveriesOptions) {
  const { actor, query, sort = DEFAULT_SORT } = options;
  authorize(actor, "deliveries.read");
  const keys = await importKeysOf(actor, query);
  const total = options.withTotal
    ? cappedTotal((take) => db.delivery.count({ where: buildWhere(actor, query, keys), take }))
    : Promise.resolve(null);
  const page = await listPage(actor, query, sort, keys);
  return { ...page, total: await total };
}

async function listPage(actor: Actor, query: ListDeliveriesQuery, sort: DeliverySort, keys: string[] | undefined) {
  const where = buildWhere(actor, query, keys);
  const cursor = query.cursor ? decodeCursor(query.cursor) : null;
  const backwards = cursor?.backwards ?? false;
  // Walking backwards reads the index the other way round, then restores the display order.
  const ascending = (sort.dir === "asc") !== backwards;
  if (cursor) (where.AND as Prisma.DeliveryWhereInput[]).push(...afterCursor(sort, cursor, ascending));
  const direction = ascending ? "asc" : "desc";
  const rows = await db.delivery.findMany({
    where,
    select: deliverySelect,
    orderBy: [{ [sort.by]: direction }, { id: direction }],
    take: query.limit + 1,
  });
  const more = rows.length > query.limit;
  const page = rows.slice(0, query.limit);
  if (!backwards) {
    return {
      data: page,
      nextCursor: more ? encodeCursor(page[page.length - 1], sort) : null,
      prevCursor: cursor && page.length ? encodeCursor(page[0], sort, true) : null,
      /** This is the first page (whatever the URL's cursor says). */
      atStart: !cursor,
    };
  }
  // Back at the start: show the first page in full rather than a short one.
  if (!more) return listPage(actor, { ...query, cursor: undefined }, sort, keys);
  page.reverse();
  return {
    data: page,
    nextCursor: encodeCursor(page[page.length - 1], sort),
    prevCursor: encodeCursor(page[0], sort, true),
    atStart: false,
  };
}
