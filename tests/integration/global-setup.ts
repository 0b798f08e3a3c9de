// The integration suite's server: see tests/support/app-server.ts.
import { randomBytes } from "node:crypto";
import type { TestProject } from "vitest/node";
import { startAppServer } from "../support/app-server.ts";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    databaseUrl: string;
    inngestSigningKey: string;
  }
}

export default async function setup(project: TestProject) {
  const inngestSigningKey = `signkey-test-${randomBytes(32).toString("hex")}`;
  const app = await startAppServer({
    env: {
      // The server's own outbox sweep would race the relay tests for the same rows; they drive the
      // relay themselves (and test the in-process sweep in the test process).
      OUTBOX_RELAY_INTERVAL_MS: "0",
      // Production-like Inngest: cloud mode, requests to /api/inngest must be signed with this key.
      INNGEST_SIGNING_KEY: inngestSigningKey,
    },
  });
  project.provide("baseUrl", app.baseUrl);
  project.provide("databaseUrl", app.databaseUrl);
  project.provide("inngestSigningKey", inngestSigningKey);
  return () => app.stop();
}
