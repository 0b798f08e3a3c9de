// On webhook/replay.requested: send a partner's endpoint the delivery events it missed while it
// was disabled, each under its original id, in batches (one step each, so a retried batch skips
// what it already delivered and the run stays short to replay).
import { inngest } from "@/inngest/client";
import { webhookReplayRequested } from "@/inngest/events";
import { missedEventIds, replayWebhookEvents } from "@/lib/webhooks/replay-missed";

const BATCH = 50;

export const webhookReplay = inngest.createFunction(
  { id: "webhook-replay", triggers: [webhookReplayRequested], retries: 5 },
  async ({ event, step }) => {
    const { endpointId, since } = event.data;
    const ids = await step.run("list-missed", () => missedEventIds(endpointId, new Date(since)));
    let delivered = 0;
    for (let i = 0; i < ids.length; i += BATCH) {
      const batch = await step.run(`replay-${i / BATCH}`, () =>
        replayWebhookEvents(endpointId, ids.slice(i, i + BATCH)),
      );
      delivered += batch.delivered;
    }
    return { missed: ids.length, delivered };
  },
);
