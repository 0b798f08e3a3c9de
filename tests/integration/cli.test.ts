// The operator CLI, run as operators run it, against the test database.
import { execFile, spawn } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { inject, describe, expect, it } from "vitest";
import { api, deliveryPayload, signIn } from "./support";

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, "../..");

async function admin(...args: string[]) {
  try {
    const { stdout, stderr } = await run(path.join(root, "node_modules/.bin/tsx"), ["scripts/admin.ts", ...args], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: inject("databaseUrl") },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/** The CLI with `input` on its standard input and `env` added to its environment. */
function adminWith(input: string, env: Record<string, string>, ...args: string[]) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(path.join(root, "node_modules/.bin/tsx"), ["scripts/admin.ts", ...args], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: inject("databaseUrl"), ...env },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("exit", (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

// Each call is a fresh process (tsx, Prisma, a pool): allow for a slow, loaded machine.
describe("npm run admin", { timeout: 120_000 }, () => {
  it("takes a new user's password from standard input or the environment, never needing --password", async () => {
    const fromStdin = `stdin-${Date.now()}@example.com`;
    const a = await adminWith(
      "stdin-secret-pw\n",
      {},
      "create-user",
      "--email",
      fromStdin,
      "--password-stdin",
      "--role",
      "ADMIN",
      "--json",
    );
    expect(a.code, a.stderr).toBe(0);
    await expect(signIn(fromStdin, "stdin-secret-pw")).resolves.toHaveProperty("cookie");

    const fromEnv = `env-${Date.now()}@example.com`;
    const b = await adminWith(
      "",
      { ADMIN_CLI_PASSWORD: "env-secret-pw1" },
      "create-courier",
      "--email",
      fromEnv,
      "--json",
    );
    expect(b.code, b.stderr).toBe(0);
    await expect(signIn(fromEnv, "env-secret-pw1")).resolves.toHaveProperty("cookie");

    const none = await adminWith("", {}, "create-user", "--email", `none-${Date.now()}@example.com`, "--role", "ADMIN");
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/needs a password: --password-stdin, ADMIN_CLI_PASSWORD or --password/);
  });

  it("prints the URL of the database in use", async () => {
    const res = await admin("database-url");
    expect(res.code).toBe(0);
    expect(res.stdout.trim()).toBe(inject("databaseUrl"));
  });

  it("creates a partner, a partner user and an API key that works against the API, then revokes it", async () => {
    const name = `Cli Shop ${Date.now()}`;
    const partner = await admin("create-partner", "--name", name, "--email", "CLI@Example.com", "--json");
    expect(partner.code).toBe(0);
    const p = JSON.parse(partner.stdout);
    expect(Object.keys(p).sort()).toEqual(["id", "name", "slug"]);
    expect(p).toMatchObject({ name, slug: expect.stringMatching(/^cli-shop-\d+$/) });

    const email = `cli-${Date.now()}@example.com`;
    const user = await admin(
      "create-user",
      "--email",
      email,
      "--password",
      "long-enough-pw",
      "--role",
      "PARTNER",
      "--partner",
      p.slug,
      "--json",
    );
    expect(user.code).toBe(0);
    expect(JSON.parse(user.stdout)).toMatchObject({ email, role: "PARTNER", partnerId: p.id, id: expect.any(String) });

    const key = await admin("create-api-key", "--partner", p.slug, "--name", "backend", "--json");
    expect(key.code).toBe(0);
    const k = JSON.parse(key.stdout);
    expect(k.secret.startsWith(k.prefix)).toBe(true);

    const created = await api("POST", "/api/v1/deliveries", { as: { apiKey: k.secret }, json: deliveryPayload() });
    expect(created.status).toBe(201);
    expect(created.body.partner).toEqual({ id: p.id, name });

    const revoked = await admin("revoke-api-key", "--id", k.id, "--json");
    expect(revoked.code).toBe(0);
    expect(JSON.parse(revoked.stdout).revokedAt).toEqual(expect.any(String));
    expect((await api("GET", "/api/v1/deliveries", { as: { apiKey: k.secret } })).status).toBe(401);
  });

  it("creates an admin without a partner and lists partners as JSON", async () => {
    const email = `root-${Date.now()}@example.com`;
    const created = await admin(
      "create-user",
      "--email",
      email,
      "--password",
      "long-enough-pw",
      "--role",
      "admin",
      "--json",
    );
    expect(JSON.parse(created.stdout)).toMatchObject({ email, role: "ADMIN", partnerId: null });
    const list = await admin("list-partners", "--json");
    expect(list.code).toBe(0);
    expect(Array.isArray(JSON.parse(list.stdout).partners)).toBe(true);
  });

  it("creates a courier who can sign in and sets a partner's proof of delivery", async () => {
    const email = `rider-${Date.now()}@example.com`;
    const created = await admin(
      "create-courier",
      "--email",
      email,
      "--password",
      "long-enough-pw",
      "--name",
      "Sam Rider",
      "--json",
    );
    expect(created.code).toBe(0);
    expect(JSON.parse(created.stdout)).toMatchObject({ email, role: "COURIER", id: expect.any(String) });
    const courier = await signIn(email, "long-enough-pw");
    expect((await api("GET", "/api/v1/deliveries", { as: courier })).body.data).toEqual([]);

    const partner = JSON.parse((await admin("create-partner", "--name", `Proof ${Date.now()}`, "--json")).stdout);
    const set = await admin("set-proof", "--partner", partner.slug, "--proof", "photo", "--json");
    expect(set.code).toBe(0);
    expect(JSON.parse(set.stdout)).toEqual({ id: partner.id, proofOfDelivery: "PHOTO" });
    const bad = await admin("set-proof", "--partner", partner.slug, "--proof", "selfie");
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/proofOfDelivery/);
  });

  it.each([
    [["bogus"], 2, /Unknown command "bogus"/],
    [["create-partner"], 2, /needs --name/],
    [["create-partner", "--name", "x", "--nope"], 2, /Unknown option/],
    [
      ["create-user", "--email", "not-an-email", "--password", "long-enough-pw", "--role", "ADMIN"],
      1,
      /email: Not a valid email/,
    ],
    [["create-user", "--email", "p@example.com", "--password", "short", "--role", "ADMIN"], 1, /password: At least 8/],
    // 37 × "é" is 74 bytes in UTF-8 but only 37 characters: bcrypt would silently drop the end.
    [
      ["create-user", "--email", "p@example.com", "--password", "é".repeat(37), "--role", "ADMIN"],
      1,
      /password: At most 72 bytes/,
    ],
    [
      ["create-user", "--email", "p@example.com", "--password", "long-enough-pw", "--role", "PARTNER"],
      1,
      /needs a partner/,
    ],
    [["create-api-key", "--partner", "no-such-partner"], 2, /No partner with slug/],
    [["revoke-api-key", "--id", "00000000-0000-4000-8000-000000000000"], 1, /No API key/],
  ])("rejects %j with a clear message and exit code %i", async (args, code, message) => {
    const result = await admin(...args, "--json");
    expect(result.code).toBe(code);
    expect(result.stderr).toMatch(message);
    expect(result.stdout).toBe("");
  });

  it("refuses a second user with the same email", async () => {
    const email = `dup-${Date.now()}@example.com`;
    expect((await admin("create-user", "--email", email, "--password", "long-enough-pw", "--role", "ADMIN")).code).toBe(
      0,
    );
    const again = await admin(
      "create-user",
      "--email",
      email.toUpperCase(),
      "--password",
      "long-enough-pw",
      "--role",
      "ADMIN",
    );
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already exists/);
  });
});
