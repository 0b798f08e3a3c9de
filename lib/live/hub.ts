// One LISTEN connection per server process, fanning PostgreSQL's change announcements (the triggers
// of the live_changes migration) out to the open event streams of this process. Every process of
// every instance listens, so a change made anywhere reaches every viewer. Started with the first
// stream; on a lost connection it reconnects with a growing pause, and each stream is told to
// resume (the browser's EventSource reconnects with Last-Event-ID, which replays from the outbox).
import pg from "pg";
import { z } from "zod";
import { env } from "@/lib/env";
import { loggerFor } from "@/lib/core/logger";

const log = loggerFor("live");

export const deliveryChangeSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  deliveryId: z.uuid(),
  partnerId: z.uuid(),
  trackingCode: z.string(),
  status: z.string().nullable(),
  assigneeId: z.uuid().nullable(),
  previousAssigneeId: z.uuid().nullable(),
});
export type DeliveryChange = z.infer<typeof deliveryChangeSchema>;

const notificationSchema = z.object({ id: z.uuid(), userId: z.uuid() });
export type NotificationChange = z.infer<typeof notificationSchema>;

export type LiveMessage =
  { kind: "delivery"; change: DeliveryChange } | { kind: "notification"; change: NotificationChange };

export interface Subscriber {
  /** A message this process heard; the subscriber decides whether its viewer may see it. */
  deliver(message: LiveMessage): void;
  /** The connection was lost: what was said meanwhile is not known here; the viewer must resume. */
  lost(): void;
}

const CHANNELS = { delivery_changes: "delivery", user_notifications: "notification" } as const;
const MAX_PAUSE_MS = 30_000;

interface HubState {
  subscribers: Set<Subscriber>;
  client: pg.Client | null;
  connecting: Promise<void> | null;
  pauseMs: number;
  stopped: boolean;
}

const holder = globalThis as unknown as { liveHub?: HubState };

function state(): HubState {
  return (holder.liveHub ??= { subscribers: new Set(), client: null, connecting: null, pauseMs: 500, stopped: false });
}

function parse(channel: string, payload: string | undefined): LiveMessage | null {
  const kind = CHANNELS[channel as keyof typeof CHANNELS];
  if (!kind || !payload) return null;
  let json: unknown;
  try {
    json = JSON.parse(payload);
  } catch {
    return null;
  }
  if (kind === "delivery") {
    const change = deliveryChangeSchema.safeParse(json);
    return change.success ? { kind, change: change.data } : null;
  }
  const change = notificationSchema.safeParse(json);
  return change.success ? { kind, change: change.data } : null;
}

async function connect(hub: HubState): Promise<void> {
  const client = new pg.Client({ connectionString: env().DATABASE_URL, connectionTimeoutMillis: 5_000 });
  client.on("notification", (n) => {
    const message = parse(n.channel, n.payload);
    if (!message) return;
    for (const s of hub.subscribers) s.deliver(message);
  });
  const onLost = (error?: unknown) => {
    if (hub.client !== client) return;
    hub.client = null;
    client.removeAllListeners();
    client.end().catch(() => {});
    if (hub.stopped) return;
    log.warn({ error: String(error ?? "ended") }, "live: lost the LISTEN connection; reconnecting");
    for (const s of hub.subscribers) s.lost();
    setTimeout(() => void ensureListening(), hub.pauseMs).unref();
    hub.pauseMs = Math.min(MAX_PAUSE_MS, hub.pauseMs * 2);
  };
  client.on("error", onLost);
  client.on("end", () => onLost());
  await client.connect();
  for (const channel of Object.keys(CHANNELS)) await client.query(`LISTEN ${channel}`);
  hub.client = client;
  hub.pauseMs = 500;
}

/** Connects unless connected (or connecting); a failure is retried with the growing pause. */
function ensureListening(): Promise<void> {
  const hub = state();
  if (hub.client || hub.stopped) return Promise.resolve();
  hub.connecting ??= connect(hub)
    .catch((error) => {
      log.warn({ error: String(error) }, "live: cannot LISTEN; retrying");
      setTimeout(() => void ensureListening(), hub.pauseMs).unref();
      hub.pauseMs = Math.min(MAX_PAUSE_MS, hub.pauseMs * 2);
    })
    .finally(() => {
      hub.connecting = null;
    });
  return hub.connecting;
}

/** Adds a subscriber; resolves once this process listens (so nothing said after it is missed). */
export async function subscribe(subscriber: Subscriber): Promise<() => void> {
  const hub = state();
  hub.subscribers.add(subscriber);
  await ensureListening();
  return () => hub.subscribers.delete(subscriber);
}

/** Open streams in this process (the metrics and the bench read it). */
export function subscriberCount(): number {
  return holder.liveHub?.subscribers.size ?? 0;
}

/** Closes the LISTEN connection (shutdown, tests). */
export async function stopLiveHub(): Promise<void> {
  const hub = holder.liveHub;
  if (!hub) return;
  hub.stopped = true;
  const client = hub.client;
  hub.client = null;
  await client?.end().catch(() => {});
  holder.liveHub = undefined;
}
