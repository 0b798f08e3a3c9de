// Keyset-paginated listing (DESIGN §6): newest first on (createdAt, id), so pages never repeat
// or skip rows while new deliveries arrive. Every filter is backed by an index.
import { AppError } from "@/lib/api/errors";
import { partnerScope, type Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import type { ListDeliveriesQuery } from "@/lib/deliveries/schemas";
import { deliverySelect } from "@/lib/deliveries/serialize";
import type { Prisma } from "@/lib/generated/prisma/client";

interface Cursor {
  createdAt: Date;
  id: string;
}

export function encodeCursor({ createdAt, id }: Cursor): string {
  return Buffer.from(JSON.stringify([createdAt.toISOString(), id])).toString("base64url");
}

export function decodeCursor(value: string): Cursor {
  try {
    const [createdAt, id] = JSON.parse(Buffer.from(value, "base64url").toString("utf8")) as [string, string];
    const date = new Date(createdAt);
    if (Number.isNaN(date.getTime()) || typeof id !== "string" || !/^[0-9a-f-]{36}$/i.test(id)) throw new Error();
    return { createdAt: date, id };
  } catch {
    throw new AppError("validation_failed", "The cursor is not valid.", {
      errors: [{ path: "cursor", message: "Not a cursor returned by this API" }],
    });
  }
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

export function buildWhere(actor: Actor, query: ListDeliveriesQuery): Prisma.DeliveryWhereInput {
  const scope = partnerScope(actor);
  const and: Prisma.DeliveryWhereInput[] = [];
  if (scope) and.push({ partnerId: scope });
  else if (query.partnerId && can(actor, "deliveries.readAll")) and.push({ partnerId: query.partnerId });
  if (query.status?.length) and.push({ status: { in: query.status } });
  if (query.from) and.push({ createdAt: { gte: new Date(query.from) } });
  if (query.to) and.push({ createdAt: upperBound(query.to) });
  if (query.q) {
    // Prisma passes `contains` to ILIKE unescaped (prisma/prisma#10810): escape the wildcards so
    // that `%` and `_` in a search match themselves.
    const contains = { contains: escapeLike(query.q), mode: "insensitive" } as const;
    and.push({
      OR: [
        { trackingCode: contains },
        { externalReference: contains },
        { recipientName: contains },
        { pickupAddress: contains },
        { dropoffAddress: contains },
      ],
    });
  }
  return { AND: and };
}

export async function listDeliveries({ actor, query }: { actor: Actor; query: ListDeliveriesQuery }) {
  const where = buildWhere(actor, query);
  if (query.cursor) {
    const c = decodeCursor(query.cursor);
    // The redundant `lte` gives the planner an index bound; the OR settles ties on createdAt.
    (where.AND as Prisma.DeliveryWhereInput[]).push(
      { createdAt: { lte: c.createdAt } },
      { OR: [{ createdAt: { lt: c.createdAt } }, { createdAt: c.createdAt, id: { lt: c.id } }] },
    );
  }
  const rows = await db.delivery.findMany({
    where,
    select: deliverySelect,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  const nextCursor = rows.length > query.limit ? encodeCursor(page[page.length - 1]) : null;
  return { data: page, nextCursor };
}
