import { describe, expect, it } from "vitest";
import { clientKey } from "@/lib/rate-limit";

describe("clientKey", () => {
  it("counts an IPv6 client by its /64, whichever address of it they use", () => {
    expect(clientKey("2001:db8:1:2::1")).toBe("2001:db8:1:2::/64");
    expect(clientKey("2001:db8:1:2:aaaa:bbbb:cccc:dddd")).toBe("2001:db8:1:2::/64");
    expect(clientKey("2001:0db8:0001:0003::1")).toBe("2001:db8:1:3::/64");
  });

  it("counts an IPv4 client by its address, also when written IPv4-mapped", () => {
    expect(clientKey("198.51.100.7")).toBe("198.51.100.7");
    expect(clientKey("::ffff:198.51.100.7")).toBe("198.51.100.7");
  });

  it("keeps anything else as it is", () => {
    expect(clientKey("unknown")).toBe("unknown");
  });
});
