// Starts the app like the integration suite does (fresh database, production build) and creates
// the people the tests sign in as. Values reach the test workers through environment variables.
import { startAppServer } from "../tests/support/app-server";
import type { E2eWorld } from "./support";

export const PASSWORD = "correct-horse-battery";

export default async function globalSetup() {
  // No Inngest server, as on a fresh install: the embedded executor runs the background work.
  // Private targets allowed: the webhook spec points an endpoint at a receiver on this machine.
  const app = await startAppServer({ env: { WEBHOOK_ALLOW_PRIVATE_TARGETS: "true" } });
  process.env.E2E_BASE_URL = app.baseUrl;
  process.env.DATABASE_URL = app.databaseUrl;
  process.env.APP_URL = app.baseUrl;

  // Imported only now: the domain modules read DATABASE_URL on first use.
  const { OPERATOR_ACTOR: actor } = await import("../lib/auth/actor");
  const { createPartner } = await import("../lib/partners/create-partner");
  const { createUser } = await import("../lib/users/create-user");
  const { db } = await import("../lib/db");
  const partner = async (name: string, email: string) => {
    const p = await createPartner({ actor, input: { name, contactEmail: email } });
    await createUser({
      actor,
      input: { email, password: PASSWORD, role: "PARTNER", partnerId: p.id, name: `${name} ops` },
    });
    return { id: p.id, name: p.name, email };
  };
  const world: E2eWorld = {
    password: PASSWORD,
    admin: (
      await createUser({
        actor,
        input: { email: "dispatch@e2e.example", password: PASSWORD, role: "ADMIN", name: "Dispatch" },
      })
    ).email,
    courier: {
      email: (
        await createUser({
          actor,
          input: { email: "rider@e2e.example", password: PASSWORD, role: "COURIER", name: "Riley Rider" },
        })
      ).email,
      name: "Riley Rider",
    },
    partnerA: await partner("Alpha Foods", "ops@alpha.example"),
    partnerB: await partner("Beta Books", "ops@beta.example"),
    partnerC: await partner("Gamma Goods", "ops@gamma.example"),
    partnerD: await partner("Delta Depot", "ops@delta.example"),
  };
  await db.$disconnect();
  process.env.E2E_WORLD = JSON.stringify(world);
  return () => app.stop();
}
