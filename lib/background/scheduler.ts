// Runs the relay in a server process, after each commit (fire-and-forget) and on a sweep timer: in
// process, not an Inngest cron, because it must keep running while Inngest is down. While the sender
// fails, the relay pauses with a doubling backoff and logs the change once each way.
import { relayOutbox, type EventSender } from "@/lib/background/relay";
import { loggerFor } from "@/lib/core/logger";

const log = loggerFor("outbox");

interface RelayState {
  sender: EventSender;
  timer: NodeJS.Timeout;
  running: Promise<void> | null;
  again: boolean;
  /** Consecutive failed runs; 0 while the sender accepts events. */
  failures: number;
  pausedUntil: number;
  /** Set by stopOutboxRelay: the run in progress ends after its current batch. */
  stopping: boolean;
}

const holder = globalThis as unknown as {
  outboxRelay?: RelayState;
  /** Where another process runs the relay (cluster workers): hands the kick on. */
  outboxKickForwarder?: () => void;
};

const PAUSE_BASE_MS = 2_000;
const PAUSE_MAX_MS = 5 * 60 * 1000;

/** In a process that runs no relay: where kicks go instead (the process that runs it). */
export function forwardOutboxKicks(forward: () => void): void {
  holder.outboxKickForwarder = forward;
}

/** Starts the sweep once per process; a no-op when already started. */
export function startOutboxRelay(options: { sender: EventSender; intervalMs: number }): void {
  if (holder.outboxRelay || options.intervalMs <= 0) return;
  const timer = setInterval(kickOutbox, options.intervalMs);
  timer.unref(); // never keep a process alive just for the sweep
  holder.outboxRelay = {
    sender: options.sender,
    timer,
    running: null,
    again: false,
    failures: 0,
    pausedUntil: 0,
    stopping: false,
  };
  kickOutbox();
}

/**
 * Asks the relay to run soon. Never throws, never blocks the caller; calls that arrive while a
 * run is in progress are folded into one more run. Outside a server that started the relay (CLI,
 * seed, tests) it does nothing: the rows wait for the sweep.
 */
export function kickOutbox(): void {
  const state = holder.outboxRelay;
  if (!state) return holder.outboxKickForwarder?.();
  if (Date.now() < state.pausedUntil) return;
  if (state.running) {
    state.again = true;
    return;
  }
  state.running = (async () => {
    do {
      state.again = false;
      try {
        const result = await relayOutbox({ sender: state.sender, proceed: () => !state.stopping });
        if (result.failed) onFailure(state, result.lastError);
        else if (result.sent && state.failures > 0) {
          log.info("outbox relay: events are accepted again");
          state.failures = 0;
        }
      } catch (error) {
        onFailure(state, String(error));
      }
    } while (state.again && !state.stopping && Date.now() >= state.pausedUntil);
    state.running = null;
  })();
}

function onFailure(state: RelayState, error: string | null) {
  if (state.failures === 0) {
    log.warn({ error }, "outbox relay: events cannot be handed on; retrying with backoff");
  }
  state.pausedUntil = Date.now() + Math.min(PAUSE_MAX_MS, PAUSE_BASE_MS * 2 ** state.failures);
  state.failures++;
}

/** Stops the sweep and waits for a run in progress (tests, shutdown). */
export async function stopOutboxRelay(): Promise<void> {
  const state = holder.outboxRelay;
  if (!state) return;
  clearInterval(state.timer);
  // A backlog (thousands of rows after a burst of creates) must not hold up a shutdown: the run in
  // progress stops after its current batch, the rest waits for the next start's sweep.
  state.stopping = true;
  holder.outboxRelay = undefined;
  await state.running;
}
