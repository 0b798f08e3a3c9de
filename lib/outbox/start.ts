// Started once per server process by instrumentation.ts: the outbox sweep, sending to Inngest.
import { inngest } from "@/inngest/client";
import { env } from "@/lib/env";
import { startOutboxRelay } from "@/lib/outbox/scheduler";

export function startServerOutboxRelay(): void {
  startOutboxRelay({ sender: inngest, intervalMs: env().OUTBOX_RELAY_INTERVAL_MS });
}
