// What the admin overview can say honestly about background work before the relay exists:
// how many announced changes are still waiting, and since when.
import { db } from "@/lib/db";

export async function getOutboxHealth() {
  const where = { sentAt: null };
  const [pending, oldest, failing] = await Promise.all([
    db.outboxEvent.count({ where }),
    db.outboxEvent.findFirst({ where, orderBy: { createdAt: "asc" }, select: { createdAt: true } }),
    db.outboxEvent.count({ where: { sentAt: null, lastError: { not: null } } }),
  ]);
  return { pending, failing, oldestPendingAt: oldest?.createdAt ?? null };
}
