import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { signWebhook, verifyWebhookSignature } from "@/lib/webhooks/signature";
import { isPrivateAddress } from "@/lib/webhooks/target";

describe("webhook signature", () => {
  const secret = "whsec_test";
  const body = JSON.stringify({
    id: "evt_1",
    type: "delivery.created",
    createdAt: "2030-01-01T00:00:00.000Z",
    data: {},
  });

  it("is t=<unix>,v1=<hex HMAC-SHA256 of `t.body`>", () => {
    const header = signWebhook(secret, body, 1_767_225_600);
    const hex = createHmac("sha256", secret).update(`1767225600.${body}`).digest("hex");
    expect(header).toBe(`t=1767225600,v1=${hex}`);
  });

  it("verifies a fresh signature and refuses a changed body, another secret or an old timestamp", () => {
    const now = 1_767_225_600;
    const header = signWebhook(secret, body, now);
    expect(verifyWebhookSignature({ secret, header, body, now })).toBe(true);
    expect(verifyWebhookSignature({ secret, header, body: body + " ", now })).toBe(false);
    expect(verifyWebhookSignature({ secret: "whsec_other", header, body, now })).toBe(false);
    expect(verifyWebhookSignature({ secret, header, body, now: now + 301 })).toBe(false);
    expect(verifyWebhookSignature({ secret, header: "t=abc,v1=zz", body, now })).toBe(false);
    expect(verifyWebhookSignature({ secret, header: null, body, now })).toBe(false);
  });
});

describe("webhook target addresses", () => {
  it.each([
    "127.0.0.1",
    "10.1.2.3",
    "172.20.0.5",
    "192.168.1.1",
    "169.254.169.254",
    "0.0.0.0",
    "100.64.0.1",
    "::1",
    "fe80::1",
    "fd00::1",
    "::ffff:127.0.0.1",
    "::",
    // IPv6 forms that embed or route to private IPv4 space, and other special-purpose ranges
    "::7f00:1",
    "fec0::1",
    "2002:7f00:1::",
    "64:ff9b::7f00:1",
    "64:ff9b:1::7f00:1",
    "2001:0:7f00:1::",
    "100::1",
    "2001:db8::1",
    "ff02::1",
    "192.0.2.1",
    "198.18.0.1",
    "224.0.0.1",
    "255.255.255.255",
    "127.1",
    "not-an-address",
  ])("refuses %s", (address) => expect(isPrivateAddress(address)).toBe(true));

  it.each(["93.184.215.14", "8.8.8.8", "2606:4700:4700::1111", "2a00:1450:4001:80b::200e", "::ffff:8.8.8.8"])(
    "allows public %s",
    (address) => {
      expect(isPrivateAddress(address)).toBe(false);
    },
  );
});
