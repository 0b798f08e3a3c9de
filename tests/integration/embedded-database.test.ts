// The embedded PostgreSQL's credentials: a random password per install in a 0600 file beside its
// data, the app's role no superuser, installs from before moved off the shared password on their
// next start, and a server already on the port used only when it proves to be this install's.
import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, unlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { passwordFileFor, startEmbeddedPostgres, StartupError } from "../../scripts/lib/database.ts";
import { freePort } from "../support/app-server";

const tmp = mkdtempSync(path.join(tmpdir(), "delivery-credentials-"));
chmodSync(tmp, 0o755); // the embedded server runs as the `postgres` user when we are root
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

async function refusesLogin(url: string) {
  await expect(query(url, "SELECT 1")).rejects.toMatchObject({ code: "28P01" });
}

describe("the embedded PostgreSQL", { timeout: 120_000 }, () => {
  it("gets a random password in a 0600 file, and the app connects as a role that is no superuser", async () => {
    const port = await freePort();
    const dir = path.join(tmp, "fresh");
    const db = await startEmbeddedPostgres({ dir, port, database: "delivery", persistent: false });
    try {
      const file = passwordFileFor(dir);
      expect(statSync(file).mode & 0o777).toBe(0o600);
      const password = readFileSync(file, "utf8").trim();
      expect(password).toMatch(/^[\w-]{32}$/);
      const url = new URL(db.url);
      expect(url.username).toBe("delivery_app");
      expect(decodeURIComponent(url.password)).toBe(password);
      const [me] = await query<{ rolsuper: boolean }>(
        db.url,
        "SELECT rolsuper FROM pg_roles WHERE rolname = current_user",
      );
      expect(me.rolsuper).toBe(false);
      // It owns its database: migrations (extensions included) run as it.
      await query(db.url, 'CREATE EXTENSION IF NOT EXISTS "pg_trgm"');
      await refusesLogin(`postgresql://postgres:postgres@127.0.0.1:${port}/postgres`);
      await expect(query(db.url, "SELECT pg_read_file('PG_VERSION')")).rejects.toMatchObject({ code: "42501" });

      // A second command reuses the running server of this install, with the same credentials.
      const again = await startEmbeddedPostgres({ dir, port, database: "delivery" });
      expect(again.url).toBe(db.url);
    } finally {
      await db.stop();
    }
  });

  it("moves an install from before off the shared password on its next start, keeping its data", async () => {
    const port = await freePort();
    const dir = path.join(tmp, "legacy");
    const first = await startEmbeddedPostgres({ dir, port, database: "delivery" });
    // Make it look like an install from before: superuser password `postgres`, database owned by
    // the superuser, no password file.
    const password = readFileSync(passwordFileFor(dir), "utf8").trim();
    const admin = `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}`;
    await query(`${admin}/postgres`, "ALTER DATABASE delivery OWNER TO postgres");
    await query(`${admin}/delivery`, "CREATE TABLE kept (x int); INSERT INTO kept VALUES (42)");
    await query(`${admin}/postgres`, "ALTER ROLE postgres PASSWORD 'postgres'");
    unlinkSync(passwordFileFor(dir));
    await first.stop();

    const second = await startEmbeddedPostgres({ dir, port, database: "delivery" });
    try {
      const file = passwordFileFor(dir);
      expect(statSync(file).mode & 0o777).toBe(0o600);
      const fresh = readFileSync(file, "utf8").trim();
      expect(fresh).not.toBe("postgres");
      await refusesLogin(`postgresql://postgres:postgres@127.0.0.1:${port}/postgres`);
      // Its tables belong to the superuser, so the app keeps connecting as it, with the new password.
      expect(new URL(second.url).username).toBe("postgres");
      expect(await query(second.url, "SELECT x FROM kept")).toEqual([{ x: 42 }]);
    } finally {
      await second.stop();
    }
  });

  it("refuses a server on its port that is not this install's", async () => {
    const port = await freePort();
    const other = await startEmbeddedPostgres({ dir: path.join(tmp, "other"), port, database: "delivery" });
    try {
      const attempt = startEmbeddedPostgres({ dir: path.join(tmp, "mine"), port, database: "delivery" });
      await expect(attempt).rejects.toBeInstanceOf(StartupError);
      await expect(attempt).rejects.toThrow(/Port \d+ is taken by a PostgreSQL that is not this install's/);

      // Same password file content, other data directory: still not ours.
      const mine = path.join(tmp, "copycat");
      const { writeFileSync } = await import("node:fs");
      writeFileSync(passwordFileFor(mine), readFileSync(passwordFileFor(path.join(tmp, "other"))), { mode: 0o600 });
      await expect(startEmbeddedPostgres({ dir: mine, port, database: "delivery" })).rejects.toThrow(/it serves /);
    } finally {
      await other.stop();
    }
  });
});
