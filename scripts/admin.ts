// Operator CLI: `npm run admin -- <command> [options]`. Uses the same database
// resolution and domain functions (use cases) as the app, called as OPERATOR_ACTOR: whoever runs
// this has shell access to the deployment. With --json, stdout carries one JSON object only.
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { resolveDatabase } from "./lib/database.ts";

/** Where a password may come from besides --password (which `ps` and shell history show). */
const PASSWORD_ENV = "ADMIN_CLI_PASSWORD";

const USAGE = `Usage: npm run admin -- <command> [options] [--json]

Commands:
  create-partner  --name <name> [--email <contact>]
  create-user     --email <e> PASSWORD --role ADMIN|PARTNER|COURIER [--partner <slug>] [--name <n>]
  create-courier  --email <e> PASSWORD [--name <n>]
  set-proof       --partner <slug> --proof NONE|CODE|PHOTO|SIGNATURE
  create-api-key  --partner <slug> [--name <n>]           a partner's key
  create-api-key  --role ADMIN --name <n>                 acts as an admin (dispatch tooling)
  create-api-key  --role COURIER --courier <email> --name <n>   acts as that courier (their app)
  revoke-api-key  --id <id>
  list-partners
  reset-demo-passwords   give demo accounts still on their published passwords new random
                         ones, printed once (run before exposing a demo install)
  database-url    the connection string of the database in use (the embedded one by default),
                  password included: for psql and other tools

PASSWORD is one of: --password-stdin (the first line of standard input), the environment
variable ${PASSWORD_ENV}, or --password <p> (visible to other users in \`ps\` and kept in
shell history: avoid it).`;

class UsageError extends Error {}

const options = {
  json: { type: "boolean" },
  help: { type: "boolean", short: "h" },
  name: { type: "string" },
  email: { type: "string" },
  password: { type: "string" },
  "password-stdin": { type: "boolean" },
  role: { type: "string" },
  partner: { type: "string" },
  id: { type: "string" },
  proof: { type: "string" },
  courier: { type: "string" },
} as const;

/** The new account's password: standard input, the environment, or (last) the command line. */
function passwordFrom(values: Record<string, string | boolean | undefined>): string | undefined {
  if (values["password-stdin"]) return readFileSync(0, "utf8").split(/\r?\n/)[0];
  if (typeof values.password === "string") return values.password;
  return process.env[PASSWORD_ENV] || undefined;
}

async function run(
  command: string | undefined,
  values: Record<string, string | boolean | undefined>,
  databaseUrl: string,
) {
  const { parseWith } = await import("@/lib/core/validation");
  const { OPERATOR_ACTOR: actor } = await import("@/lib/auth/actor");
  const str = (key: string) => (typeof values[key] === "string" ? (values[key] as string) : undefined);
  const need = (key: string) =>
    str(key) ??
    (() => {
      throw new UsageError(`${command} needs --${key}`);
    })();
  const needPassword = () =>
    passwordFrom(values) ??
    (() => {
      throw new UsageError(`${command} needs a password: --password-stdin, ${PASSWORD_ENV} or --password`);
    })();
  const partnerBySlug = async (slug: string) => {
    const { findPartnerBySlug } = await import("@/lib/partners/find-partner-by-slug");
    const partner = await findPartnerBySlug({ actor, slug });
    if (!partner) throw new UsageError(`No partner with slug "${slug}" (see list-partners)`);
    return partner;
  };

  switch (command) {
    case "create-partner": {
      const { createPartner } = await import("@/lib/partners/create-partner");
      const { createPartnerSchema } = await import("@/lib/partners/schemas");
      const input = parseWith(createPartnerSchema, { name: need("name"), contactEmail: str("email") }, "partner");
      const p = await createPartner({ actor, input });
      return {
        json: { id: p.id, slug: p.slug, name: p.name },
        text: `Created partner ${p.name} (slug ${p.slug}, id ${p.id})`,
      };
    }
    case "create-user": {
      const { createUser } = await import("@/lib/users/create-user");
      const { createUserSchema } = await import("@/lib/users/schemas");
      const role = need("role").toUpperCase();
      const partnerId = str("partner") ? (await partnerBySlug(str("partner")!)).id : undefined;
      const input = parseWith(
        createUserSchema,
        { email: need("email"), password: needPassword(), role, partnerId, name: str("name") },
        "user",
      );
      const u = await createUser({ actor, input });
      return {
        json: { id: u.id, email: u.email, role: u.role, partnerId: u.partnerId },
        text: `Created ${u.role} ${u.email} (id ${u.id})`,
      };
    }
    case "create-courier": {
      const { createUser } = await import("@/lib/users/create-user");
      const { createCourierSchema } = await import("@/lib/users/schemas");
      const input = parseWith(
        createCourierSchema,
        { email: need("email"), password: needPassword(), name: str("name") },
        "courier",
      );
      const u = await createUser({ actor, input: { ...input, role: "COURIER" } });
      return { json: { id: u.id, email: u.email, role: u.role }, text: `Created COURIER ${u.email} (id ${u.id})` };
    }
    case "set-proof": {
      const { setPartnerProof } = await import("@/lib/partners/set-partner-proof");
      const { setPartnerProofSchema } = await import("@/lib/partners/schemas");
      const partner = await partnerBySlug(need("partner"));
      const input = parseWith(
        setPartnerProofSchema,
        { id: partner.id, proofOfDelivery: need("proof").toUpperCase() },
        "proof setting",
      );
      const p = await setPartnerProof({ actor, input });
      return {
        json: { id: p.id, proofOfDelivery: p.proofOfDelivery },
        text: `${p.name} now asks for proof of delivery: ${p.proofOfDelivery}`,
      };
    }
    case "create-api-key": {
      const { createApiKeySchema, createStaffApiKeySchema, issueApiKey, issueStaffApiKey } =
        await import("@/lib/auth/api-keys");
      const role = str("role")?.toUpperCase() ?? "PARTNER";
      if (role !== "PARTNER") {
        if (str("partner")) throw new UsageError(`--partner is for partner keys; a ${role} key has none`);
        const input = parseWith(
          createStaffApiKeySchema,
          { role, name: need("name"), courierEmail: str("courier") },
          "API key",
        );
        const key = await issueStaffApiKey({ actor, input });
        return {
          json: { id: key.id, prefix: key.prefix, role: key.role, secret: key.secret },
          text: `Created ${key.role} API key ${key.id}${input.courierEmail ? ` for ${input.courierEmail}` : ""}.\nSecret (shown once, store it now): ${key.secret}`,
        };
      }
      const partner = await partnerBySlug(need("partner"));
      const input = parseWith(createApiKeySchema, { partnerId: partner.id, name: str("name") ?? "API key" }, "API key");
      const key = await issueApiKey({ actor, input });
      return {
        json: { id: key.id, prefix: key.prefix, secret: key.secret },
        text: `Created API key ${key.id} for ${partner.slug}.\nSecret (shown once, store it now): ${key.secret}`,
      };
    }
    case "revoke-api-key": {
      const { revokeApiKey } = await import("@/lib/auth/api-keys");
      const key = await revokeApiKey({ actor, input: { id: need("id") } });
      return {
        json: { id: key.id, prefix: key.prefix, revokedAt: key.revokedAt },
        text: `Revoked API key ${key.id} (${key.prefix}…)`,
      };
    }
    case "list-partners": {
      const { listPartners } = await import("@/lib/partners/list-partners");
      const partners = await listPartners({ actor });
      return {
        json: { partners },
        text: partners.length
          ? partners.map((p) => `${p.slug}\t${p.name}\t${p.active ? "active" : "inactive"}\t${p.id}`).join("\n")
          : "No partners yet.",
      };
    }
    case "reset-demo-passwords": {
      const { resetPublishedPasswords } = await import("@/lib/users/demo-passwords");
      const { DEMO_ACCOUNTS } = await import("./lib/demo-accounts.ts");
      const accounts = await resetPublishedPasswords(DEMO_ACCOUNTS);
      return {
        json: { accounts },
        text: accounts.length
          ? `New passwords (shown once, store them now):\n${accounts.map((a) => `${a.role.padEnd(7)} ${a.email} / ${a.password}`).join("\n")}`
          : "No account accepts a published demo password.",
      };
    }
    case "database-url":
      return { json: { url: databaseUrl }, text: databaseUrl };
    default:
      throw new UsageError(command ? `Unknown command "${command}"` : "No command given");
  }
}

async function main() {
  let parsed;
  try {
    parsed = parseArgs({ args: process.argv.slice(2), options, allowPositionals: true, strict: true });
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  let database;
  try {
    database = await resolveDatabase(() => {});
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error)); // e.g. database unreachable
    return 1;
  }
  try {
    const result = await run(positionals[0], values, database.url);
    console.log(values.json ? JSON.stringify(result.json) : result.text);
    return 0;
  } catch (error) {
    const { AppError } = await import("@/lib/core/errors");
    if (error instanceof UsageError) console.error(`${error.message}\n\n${USAGE}`);
    else if (error instanceof AppError) {
      const detail = error.details.errors?.map((e) => `  ${e.path}: ${e.message}`).join("\n");
      console.error(detail ? `${error.message}\n${detail}` : error.message);
    } else console.error(error);
    return error instanceof UsageError ? 2 : 1;
  } finally {
    const { db } = await import("@/lib/db");
    await db.$disconnect().catch(() => {});
    await database.stop();
  }
}

// Exit explicitly: the database pool and Prisma's timers would otherwise keep the process alive.
process.exit(await main());
