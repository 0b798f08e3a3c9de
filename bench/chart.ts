// A self-contained SVG of the results: req/s (bar) and p99 (bar, own scale) per scenario.
import type { Results } from "./results";

const escape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

export function chart(r: Results): string {
  const rows = r.scenarios;
  const label = 330;
  const bar = 260;
  const gap = 30;
  const rowH = 22;
  const top = 58;
  const width = label + 2 * bar + 3 * gap + 60;
  const height = top + rows.length * rowH + 24;
  const maxRps = Math.max(1, ...rows.map((s) => s.requestsPerSec));
  const maxP99 = Math.max(1, ...rows.map((s) => s.p99Ms));
  const x1 = label + gap;
  const x2 = x1 + bar + gap + 40;
  const m = r.machine;
  const out = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="sans-serif" font-size="12">`,
    `<rect width="100%" height="100%" fill="#fff"/>`,
    `<text x="10" y="18" font-size="14" font-weight="bold">${escape(
      `${r.settings.rows.toLocaleString("en")} deliveries, ${r.settings.connections} connections, ${r.settings.loadGenerator}`,
    )}</text>`,
    `<text x="10" y="34" fill="#555">${escape(`${m.cpus} × ${m.cpuModel}; ${String(m.uptimeAtStart ?? "")}`)}</text>`,
    `<text x="${x1}" y="${top - 8}" font-weight="bold">req/s</text>`,
    `<text x="${x2}" y="${top - 8}" font-weight="bold">p99 ms</text>`,
  ];
  rows.forEach((s, i) => {
    const y = top + i * rowH;
    const ceiling = s.name.startsWith("ceiling:");
    const w1 = Math.max(1, (s.requestsPerSec / maxRps) * bar);
    const w2 = Math.max(1, (s.p99Ms / maxP99) * bar);
    out.push(
      `<text x="${label}" y="${y + 14}" text-anchor="end">${escape(s.name)}</text>`,
      `<rect x="${x1}" y="${y + 3}" width="${w1.toFixed(1)}" height="${rowH - 6}" fill="${ceiling ? "#9aa5b1" : "#2f6fde"}"/>`,
      `<text x="${(x1 + w1 + 4).toFixed(1)}" y="${y + 14}">${s.requestsPerSec.toFixed(0)}</text>`,
      `<rect x="${x2}" y="${y + 3}" width="${w2.toFixed(1)}" height="${rowH - 6}" fill="${ceiling ? "#c9b79c" : "#de7a2f"}"/>`,
      `<text x="${(x2 + w2 + 4).toFixed(1)}" y="${y + 14}">${s.p99Ms}</text>`,
    );
  });
  out.push(`</svg>`, ``);
  return out.join("\n");
}
