// Runs the relay inside a server process: right after a commit (kickOutbox, fire-and-forget) and
// on a timer (the sweep that catches rows whose kick was lost, and retries failures after their
// backoff). Why in-process and not an Inngest cron: the relay exists to reach Inngest, so it must
// keep running while Inngest is down; SKIP LOCKED makes one timer per instance safe.
//
// State lives on globalThis because Next may load this module more than once (instrumentation and
// route bundles); every copy must see the one relay that register() started.
import { relayOutbox, type EventSender } from "@/lib/outbox/relay";

interface RelayState {
  sender: EventSender;
  timer: NodeJS.Timeout;
  running: Promise<void> | null;
  again: boolean;
}

const holder = globalThis as unknown as { outboxRelay?: RelayState };

/** Starts the sweep once per process; a no-op when already started. */
export function startOutboxRelay(options: { sender: EventSender; intervalMs: number }): void {
  if (holder.outboxRelay || options.intervalMs <= 0) return;
  const timer = setInterval(kickOutbox, options.intervalMs);
  timer.unref(); // never keep a process alive just for the sweep
  holder.outboxRelay = { sender: options.sender, timer, running: null, again: false };
  kickOutbox();
}

/**
 * Asks the relay to run soon. Never throws, never blocks the caller; calls that arrive while a
 * run is in progress are folded into one more run. Outside a server that started the relay (CLI,
 * seed, tests) it does nothing: the rows wait for the sweep.
 */
export function kickOutbox(): void {
  const state = holder.outboxRelay;
  if (!state) return;
  if (state.running) {
    state.again = true;
    return;
  }
  state.running = (async () => {
    do {
      state.again = false;
      try {
        const result = await relayOutbox({ sender: state.sender });
        if (result.failed)
          console.warn(
            JSON.stringify({ level: "warn", msg: "outbox relay: send failed; rows kept for retry", ...result }),
          );
      } catch (error) {
        console.error(JSON.stringify({ level: "error", msg: "outbox relay failed", error: String(error) }));
      }
    } while (state.again);
    state.running = null;
  })();
}

/** Stops the sweep and waits for a run in progress (tests, shutdown). */
export async function stopOutboxRelay(): Promise<void> {
  const state = holder.outboxRelay;
  if (!state) return;
  clearInterval(state.timer);
  holder.outboxRelay = undefined;
  await state.running;
}
