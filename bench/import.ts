// The "import 10,000 rows" scenario: one partner uploads a CSV of 10,000 deliveries
// through the API, confirms it, and the background function creates them; the figure is rows per
// second from upload to the last row created (the dry run included), as a partner waits for it, and
// the seconds until every row's side effects (notifications, emails, webhooks) were done.
import { stringify } from "csv-stringify/sync";
import pg from "pg";
import { uniqueRef } from "./ceiling";
import { createPayload } from "./scenarios";

export interface ImportRun {
  rows: number;
  uploadSeconds: number;
  totalSeconds: number;
  rowsPerSec: number;
  created: number;
  /** From upload until both delivery functions had finished every row's event. */
  sideEffectsSeconds?: number;
}

export async function importScenario(url: string, databaseUrl: string, key: string, rows = 10_000): Promise<ImportRun> {
  const tag = uniqueRef();
  const payloads = Array.from({ length: rows }, (_, i) => createPayload(`IMPORT-${tag}-${i}`));
  const columns = Object.keys(payloads[0]) as (keyof (typeof payloads)[0])[];
  const csv = stringify([columns, ...payloads.map((p) => columns.map((c) => p[c]))]);
  const headers = { authorization: `Bearer ${key}` };

  const started = performance.now();
  const upload = await fetch(`${url}/api/v1/imports`, {
    method: "POST",
    headers: { ...headers, "content-type": "text/csv", "x-file-name": "bench.csv" },
    body: csv,
  });
  const preview = (await upload.json()) as { id: string; validRows: number };
  if (upload.status !== 201 || preview.validRows !== rows) {
    throw new Error(`import upload answered ${upload.status}: ${JSON.stringify(preview).slice(0, 300)}`);
  }
  const uploadSeconds = (performance.now() - started) / 1000;
  const confirm = await fetch(`${url}/api/v1/imports/${preview.id}/confirm`, { method: "POST", headers });
  if (confirm.status !== 202) throw new Error(`import confirm answered ${confirm.status}`);
  for (const deadline = Date.now() + 15 * 60_000; ;) {
    const state = (await (await fetch(`${url}/api/v1/imports/${preview.id}`, { headers })).json()) as {
      status: string;
      created: number;
    };
    if (state.status === "COMPLETED") {
      const totalSeconds = (performance.now() - started) / 1000;
      const round = (n: number) => Math.round(n * 10) / 10;
      return {
        rows,
        uploadSeconds: round(uploadSeconds),
        totalSeconds: round(totalSeconds),
        rowsPerSec: Math.round(rows / totalSeconds),
        created: state.created,
        sideEffectsSeconds: round(
          ((await sideEffectsDone(databaseUrl, preview.id, state.created * 2)) - started) / 1000,
        ),
      };
    }
    if (Date.now() > deadline) throw new Error(`the import did not finish: ${JSON.stringify(state)}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** When the runs of both delivery functions had taken every row's event and finished (performance.now()). */
async function sideEffectsDone(databaseUrl: string, importId: string, expected: number): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    for (const deadline = Date.now() + 15 * 60_000; Date.now() < deadline;) {
      const { rows } = await client.query<{ n: string }>(
        `SELECT count(*) AS n FROM "BackgroundRunEvent" m
         JOIN "BackgroundRun" r ON r."id" = m."runId" JOIN "OutboxEvent" o ON o."id"::text = m."eventId"
         WHERE o."payload" ->> 'importId' = $1 AND r."status" IN ('COMPLETED', 'FAILED')`,
        [importId],
      );
      if (Number(rows[0].n) >= expected) return performance.now();
      await new Promise((r) => setTimeout(r, 250));
    }
    throw new Error("the import's side effects did not finish");
  } finally {
    await client.end();
  }
}
