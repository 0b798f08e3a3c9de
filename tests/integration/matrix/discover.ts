// Finds every route handler and page in app/ from the file tree, so the authorisation matrix
// cannot miss one that somebody adds later.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"];

function walk(dir: string, file: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return walk(full, file);
    return entry.name === file ? [full] : [];
  });
}

/** `app/(app)/deliveries/[id]/page.tsx` → `/deliveries/[id]` (route groups do not show in URLs). */
function urlPattern(appDir: string, file: string): string {
  const segments = path
    .relative(appDir, path.dirname(file))
    .split(path.sep)
    .filter((s) => s && !/^\(.*\)$/.test(s));
  return `/${segments.join("/")}`;
}

/**
 * HTTP methods the file serves, whichever export syntax it uses; the methods it refuses with
 * `otherMethods(…)` (a 405) are not among them.
 */
export function exportedMethods(source: string): string[] {
  const names = new Set<string>();
  for (const m of source.matchAll(/export\s+(?:const|let|async\s+function|function)\s+(\w+)/g)) names.add(m[1]);
  for (const m of source.matchAll(/export\s+(?:const\s*)?\{([^}]*)\}(?!\s*=\s*otherMethods\()/g)) {
    for (const part of m[1].split(","))
      names.add(
        part
          .trim()
          .split(/\s+as\s+/)
          .pop()!
          .trim(),
      );
  }
  return METHODS.filter((method) => names.has(method));
}

/** Every "METHOD /pattern" served by a route handler under app/api. */
export function discoverApiRoutes(appDir: string): string[] {
  return walk(path.join(appDir, "api"), "route.ts")
    .flatMap((file) =>
      exportedMethods(readFileSync(file, "utf8")).map((method) => `${method} ${urlPattern(appDir, file)}`),
    )
    .sort();
}

/** Every page pattern under app/. */
export function discoverPages(appDir: string): string[] {
  return walk(appDir, "page.tsx")
    .map((file) => urlPattern(appDir, file))
    .sort();
}
