// The one Inngest client. The SDK reads its own settings from the environment (INNGEST_DEV,
// INNGEST_BASE_URL, INNGEST_EVENT_KEY, INNGEST_SIGNING_KEY; see .env.example). Only the outbox
// relay sends events with it; requests never do (DESIGN §7).
import { Inngest } from "inngest";

export const inngest = new Inngest({ id: "delivery-platform" });
