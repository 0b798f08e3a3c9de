import { createHmac } from "node:crypto";
import { Webhook } from "standardwebhooks";
import { describe, expect, it } from "vitest";
import { newWebhookSecret, signingSecrets, signWebhook } from "@/lib/webhooks/signature";
import { isPrivateAddress } from "@/lib/webhooks/target";

describe("webhook signature (Standard Webhooks)", () => {
  const secret = `whsec_${Buffer.alloc(32, 7).toString("base64")}`;
  const body = JSON.stringify({
    id: "evt_1",
    type: "delivery.created",
    createdAt: "2030-01-01T00:00:00.000Z",
    data: {},
  });
  const at = new Date(1_767_225_600_000);

  it("is v1,<base64 HMAC-SHA256 of `id.timestamp.body`> keyed by the secret's decoded bytes", () => {
    const headers = signWebhook({ id: "evt_1", body, secrets: [secret], at });
    const mac = createHmac("sha256", Buffer.alloc(32, 7)).update(`evt_1.1767225600.${body}`).digest("base64");
    expect(headers).toEqual({
      "webhook-id": "evt_1",
      "webhook-timestamp": "1767225600",
      "webhook-signature": `v1,${mac}`,
    });
  });

  it("signs once per secret, space-separated, and the library accepts either", () => {
    const other = newWebhookSecret();
    const headers = signWebhook({ id: "evt_1", body, secrets: [other, secret] });
    expect(headers["webhook-signature"].split(" ")).toHaveLength(2);
    expect(new Webhook(secret).verify(body, headers)).toMatchObject({ id: "evt_1" });
    expect(new Webhook(other).verify(body, headers)).toMatchObject({ id: "evt_1" });
    expect(() => new Webhook(newWebhookSecret()).verify(body, headers)).toThrow();
  });

  it("makes secrets of 32 random bytes in standard base64", () => {
    const made = newWebhookSecret();
    expect(made).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(Buffer.from(made.slice(6), "base64")).toHaveLength(32);
    expect(newWebhookSecret()).not.toBe(made);
  });

  it("keeps the previous secret signing only until its overlap ends", () => {
    const now = new Date("2030-01-01T00:00:00Z");
    const endpoint = { secret: "whsec_new", previousSecret: "whsec_old" };
    expect(signingSecrets({ ...endpoint, previousSecretExpiresAt: new Date(now.getTime() + 1) }, now)).toEqual([
      "whsec_new",
      "whsec_old",
    ]);
    expect(signingSecrets({ ...endpoint, previousSecretExpiresAt: now }, now)).toEqual(["whsec_new"]);
    expect(signingSecrets({ secret: "whsec_new", previousSecret: null, previousSecretExpiresAt: null }, now)).toEqual([
      "whsec_new",
    ]);
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
