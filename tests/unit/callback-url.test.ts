// Where sign-in may send people afterwards: only paths on this origin, judged after the
// browser's own URL parsing, so no spelling of another host gets through.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { safeCallbackUrl } from "@/lib/auth/callback-url";

const ORIGIN = "http://127.0.0.1:3000";

/** Where a browser would go from a page of ORIGIN when sent `location`. */
const browserTarget = (location: string) => new URL(location, `${ORIGIN}/sign-in`);

describe("safeCallbackUrl", () => {
  it("keeps a path on this site, with its query and fragment", () => {
    expect(safeCallbackUrl("/deliveries?status=CREATED&q=a%20b#top", ORIGIN)).toBe(
      "/deliveries?status=CREATED&q=a%20b#top",
    );
    expect(safeCallbackUrl("/deliveries/0b7e7f9c-4a55-4c1e-9a51-5a0d8f1f2a10")).toBe(
      "/deliveries/0b7e7f9c-4a55-4c1e-9a51-5a0d8f1f2a10",
    );
  });

  it("returns the path as parsed, so the browser cannot read it differently", () => {
    expect(safeCallbackUrl("/deliveries/../admin", ORIGIN)).toBe("/admin");
    expect(safeCallbackUrl("/deliveries?q=a b", ORIGIN)).toBe("/deliveries?q=a%20b");
  });

  it.each([
    ["an absolute URL", "https://evil.example/"],
    ["a protocol-relative URL", "//evil.example"],
    ["a backslash after the slash", "/\\evil.example"],
    ["a backslash anywhere", "/deliveries\\..\\..\\evil"],
    ["a tab the browser drops", "/\t/evil.example"],
    ["a newline the browser drops", "/\n/evil.example"],
    ["a carriage return", "/\r/evil.example"],
    ["a NUL", "/\u0000/evil.example"],
    ["DEL", "/\u007f/evil.example"],
    ["a dot segment that leaves //", "/.//evil.example"],
    ["dot segments that leave //", "/a/..//evil.example"],
    ["a javascript: URL", "javascript:alert(1)"],
    ["a relative path", "deliveries"],
    ["an empty string", ""],
    ["no string", undefined],
    ["a number", 42],
  ])("falls back to / for %s", (_name, value) => {
    expect(safeCallbackUrl(value, ORIGIN)).toBe("/");
  });

  it("never yields a location a browser would follow off this origin", () => {
    const pieces = fc.constantFrom(
      "/",
      "//",
      "\\",
      ".",
      "..",
      "/./",
      "/../",
      "\t",
      "\n",
      "\r",
      "\u0000",
      "@",
      ":",
      "%2F",
      "%5C",
      "evil.example",
      "http:",
      "?",
      "#",
      " ",
    );
    const value = fc.oneof(
      fc.string({ maxLength: 60 }),
      fc.string({ unit: "binary", maxLength: 60 }),
      fc.array(pieces, { maxLength: 12 }).map((parts) => parts.join("")),
      fc.array(pieces, { maxLength: 12 }).map((parts) => `/${parts.join("")}`),
    );
    fc.assert(
      fc.property(value, (candidate) => {
        const result = safeCallbackUrl(candidate, ORIGIN);
        expect(result.startsWith("/") && !result.startsWith("//")).toBe(true);
        expect(result).not.toMatch(/[\u0000-\u001f\u007f\\]/);
        expect(browserTarget(result).origin).toBe(ORIGIN);
      }),
      { numRuns: 2000 },
    );
  });
});

describe("sign-in callback URLs", () => {
  it("follows same-site paths only", () => {
    expect(safeCallbackUrl("/deliveries?status=CREATED")).toBe("/deliveries?status=CREATED");
    for (const bad of ["https://evil.example/", "//evil.example", "/\\evil.example", undefined, 42]) {
      expect(safeCallbackUrl(bad)).toBe("/");
    }
  });
});
