// The "import 10,000 rows" scenario: one partner uploads a CSV of 10,000 deliveries
// through the API, confirms it, and the background function creates them; the figure is rows per
// second from upload to the last row created (the dry run included), as a partner waits for it.
import { stringify } from "csv-stringify/sync";
import { uniqueRef } from "./ceiling";
import { createPayload } from "./scenarios";

export interface ImportRun {
  rows: number;
  uploadSeconds: number;
  totalSeconds: number;
  rowsPerSec: number;
  created: number;
}

export async function importScenario(url: string, key: string, rows = 10_000): Promise<ImportRun> {
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
      };
    }
    if (Date.now() > deadline) throw new Error(`the import did not finish: ${JSON.stringify(state)}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}
