import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { isValidInngestSignature, signInngestBody } from "@/lib/api/inngest-signature";

const KEY = "signkey-prod-0123456789abcdef";
const now = Date.UTC(2030, 0, 1);
const t = String(now / 1000);

describe("Inngest signatures", () => {
  it("are HMAC-SHA256 of the canonical body and the timestamp, keyed without the key's prefix", () => {
    const expected = createHmac("sha256", "0123456789abcdef").update('{"a":1,"b":2}').update(t).digest("hex");
    expect(signInngestBody('{ "b": 2, "a": 1 }', KEY, t)).toBe(expected);
    expect(isValidInngestSignature(`t=${t}&s=${expected}`, '{"b":2,"a":1}', [KEY], now)).toBe(true);
  });

  it("accept the fallback key while a key is rotated", () => {
    const s = signInngestBody("", "signkey-prod-old", t);
    expect(isValidInngestSignature(`t=${t}&s=${s}`, "", [KEY, "signkey-prod-old"], now)).toBe(true);
    expect(isValidInngestSignature(`t=${t}&s=${s}`, "", [KEY, undefined], now)).toBe(false);
  });

  it("refuse a missing, malformed, stale or foreign signature, and a body that is not JSON", () => {
    const s = signInngestBody("{}", KEY, t);
    expect(isValidInngestSignature(null, "{}", [KEY], now)).toBe(false);
    expect(isValidInngestSignature("x", "{}", [KEY], now)).toBe(false);
    expect(isValidInngestSignature(`t=${t}&s=${s}`, '{"a":1}', [KEY], now)).toBe(false);
    expect(isValidInngestSignature(`t=${t}&s=${s}`, "{}", [KEY], now + 6 * 60_000)).toBe(false);
    expect(isValidInngestSignature(`t=${t}&s=${s}`, "{}", ["signkey-prod-other"], now)).toBe(false);
    expect(isValidInngestSignature(`t=${t}&s=${s}`, "{", [KEY], now)).toBe(false);
    expect(isValidInngestSignature(`t=${t}&s=${s}`, "{}", [], now)).toBe(false);
  });
});
