// Points the domain code imported by tests (fixtures) at the test database.
import { inject } from "vitest";
import { NO_OUTSIDE_INNGEST, RAISED_RATE_LIMITS } from "../support/app-server";

process.env.DATABASE_URL = inject("databaseUrl");
process.env.APP_URL = inject("baseUrl");
// Partner webhook receivers in the tests listen on loopback.
process.env.WEBHOOK_ALLOW_PRIVATE_TARGETS = "true";

// The suite signs in and calls the API far faster than a person; rate limits have their own test.
Object.assign(process.env, RAISED_RATE_LIMITS);
// Inngest clients built in the test process (functions, relay) stay on this machine too.
Object.assign(process.env, NO_OUTSIDE_INNGEST);
