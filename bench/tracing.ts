// `npx tsx bench/tracing.ts [-- <bench flags>]`: what traces cost. Runs the bench (bench/run.ts)
// twice on the list and create scenarios, once without OTEL_EXPORTER_OTLP_ENDPOINT and once with
// it pointing at an OTLP/HTTP sink on loopback (it answers 200 to every export and counts the
// spans' bytes), then prints both and the difference. Extra flags go to both runs (default
// --quick --no-build). Results: bench/results/tracing-{off,on}.{json,md,svg}.
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import path from "node:path";
import type { Results } from "./results";

const root = path.resolve(import.meta.dirname, "..");
const SCENARIOS = "^(list: first page|create \\(unique\\))$";
const extra = process.argv.slice(2).filter((a) => a !== "--");
const flags = extra.length > 0 ? extra : ["--quick", "--no-build"];

let exports = 0;
let bytes = 0;
const sink = createServer((req, res) => {
  req.on("data", (chunk: Buffer) => (bytes += chunk.length));
  req.on("end", () => {
    exports++;
    res.writeHead(200, { "content-type": "application/x-protobuf" }).end();
  });
});
await new Promise<void>((resolve) => sink.listen(0, "127.0.0.1", resolve));
const { port } = sink.address() as { port: number };

function bench(out: string, env: Record<string, string>) {
  // Asynchronously, so that the sink in this process keeps answering while the bench runs.
  return new Promise<Results>((resolve, reject) => {
    const run = spawn(
      process.execPath,
      [
        path.join(root, "node_modules/tsx/dist/cli.mjs"),
        "bench/run.ts",
        ...flags,
        "--only",
        SCENARIOS,
        "--out",
        out,
        "--background",
        "embedded",
      ],
      { cwd: root, stdio: "inherit", env: { ...process.env, ...env } },
    );
    run.once("exit", (code) => {
      if (code !== 0) return reject(new Error(`the bench (${out}) failed with ${code}`));
      resolve(JSON.parse(readFileSync(path.join(root, "bench/results", `${out}.json`), "utf8")) as Results);
    });
  });
}

const { OTEL_EXPORTER_OTLP_ENDPOINT: _, ...withoutOtel } = process.env;
process.env = withoutOtel;
const off = await bench("tracing-off", {});
const on = await bench("tracing-on", { OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${port}` });
sink.close();

console.log("\nscenario                     off req/s   on req/s   change   off p50   on p50");
for (const name of ["list: first page", "create (unique)"]) {
  const a = off.scenarios.find((s) => s.name === name);
  const b = on.scenarios.find((s) => s.name === name);
  if (!a || !b) continue;
  const change = ((b.requestsPerSec - a.requestsPerSec) / a.requestsPerSec) * 100;
  console.log(
    `${name.padEnd(28)} ${String(a.requestsPerSec).padStart(9)} ${String(b.requestsPerSec).padStart(10)} ${`${change.toFixed(1)} %`.padStart(8)} ${`${a.p50Ms} ms`.padStart(9)} ${`${b.p50Ms} ms`.padStart(8)}`,
  );
}
console.log(`\nthe sink took ${exports} exports, ${Math.round(bytes / 1024)} KiB of spans`);
