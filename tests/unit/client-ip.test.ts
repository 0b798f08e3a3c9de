import { describe, expect, it } from "vitest";
import { clientIp } from "@/lib/rate-limit";

// scripts/server.mjs appends the socket's peer, so the last hop is always the address that
// connected to us; each trusted proxy in front appended the one before it.
const headers = (xff?: string) => new Headers(xff === undefined ? {} : { "x-forwarded-for": xff });

describe("clientIp", () => {
  it("is the socket's peer when no proxy is trusted, whatever the client wrote", () => {
    expect(clientIp(headers("6.6.6.6, 10.0.0.5"), 0)).toBe("10.0.0.5");
    expect(clientIp(headers("10.0.0.5"), 0)).toBe("10.0.0.5");
  });

  it("is the address the nearest trusted proxy appended, never one the client wrote", () => {
    // client forged 6.6.6.6; the proxy appended the real 198.51.100.7; we appended the proxy 10.0.0.2
    expect(clientIp(headers("6.6.6.6, 198.51.100.7, 10.0.0.2"), 1)).toBe("198.51.100.7");
    expect(clientIp(headers("6.6.6.6, 198.51.100.7, 172.16.0.9, 10.0.0.2"), 2)).toBe("198.51.100.7");
  });

  it("tolerates spaces and empty hops, and has an answer without the header", () => {
    expect(clientIp(headers(" 198.51.100.7 ,, 10.0.0.2 "), 1)).toBe("198.51.100.7");
    expect(clientIp(headers(), 0)).toBe("unknown");
  });
});
