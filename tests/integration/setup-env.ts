// Points the domain code imported by tests (fixtures) at the test database.
import { inject } from "vitest";

process.env.DATABASE_URL = inject("databaseUrl");
process.env.APP_URL = inject("baseUrl");
// Partner webhook receivers in the tests listen on loopback.
process.env.WEBHOOK_ALLOW_PRIVATE_TARGETS = "true";
