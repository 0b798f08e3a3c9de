// Reads a V8 .cpuprofile and sums self time by package (node_modules/<name>) or app file, which is
// what "what dominates the cost" needs; individual minified functions say little.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

interface Node {
  id: number;
  callFrame: { functionName: string; url: string };
}

function bucket(url: string, fn: string): string {
  if (!url) return fn === "(garbage collector)" || fn === "(program)" || fn === "(idle)" ? fn : "(native)";
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) {
    const next = /next\/dist\/(compiled\/[^/]+|server\/[^/]+)/.exec(url);
    return next ? `next: ${next[1]}` : pkg[1];
  }
  if (url.includes(".next/server")) return "app bundle (.next/server)";
  if (url.startsWith("node:")) return `node: ${url.slice(5).split("/")[0]}`;
  return path.basename(url);
}

export function summariseProfiles(dir: string, top = 12, by: "bucket" | "function" = "bucket"): string[] {
  const totals = new Map<string, number>();
  let all = 0;
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".cpuprofile"))) {
    const profile = JSON.parse(readFileSync(path.join(dir, file), "utf8")) as {
      nodes: Node[];
      samples: number[];
      timeDeltas: number[];
    };
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    profile.samples.forEach((id, i) => {
      const frame = byId.get(id)!.callFrame;
      const key =
        by === "bucket"
          ? bucket(frame.url, frame.functionName)
          : `${frame.functionName || "(anonymous)"} ${frame.url.split("/").slice(-2).join("/")}`;
      const dt = profile.timeDeltas[i] ?? 0;
      totals.set(key, (totals.get(key) ?? 0) + dt);
      all += dt;
    });
  }
  const busy = all - (totals.get("(idle)") ?? 0);
  return [...totals.entries()]
    .filter(([key]) => key !== "(idle)")
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([key, us]) => `${((100 * us) / busy).toFixed(1)} % ${key}`);
}
