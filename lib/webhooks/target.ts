// SSRF guard for partner webhook URLs (DESIGN §8): http(s) only, and no private, loopback,
// link-local or otherwise internal addresses — checked on the literal host, on every address
// DNS returns when the URL is saved, and again inside the connection's own lookup when sending,
// so a name that later resolves elsewhere (DNS rebinding) is still refused.
// WEBHOOK_ALLOW_PRIVATE_TARGETS=true lifts the address rule for development and tests.
import dns from "node:dns";
import { BlockList, isIP } from "node:net";

const blocked = new BlockList();
for (const [net, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
] as const)
  blocked.addSubnet(net, prefix, "ipv4");
for (const [net, prefix] of [
  ["::", 128],
  ["::1", 128],
  ["fc00::", 7],
  ["fe80::", 10],
  ["ff00::", 8],
  ["64:ff9b::", 96],
] as const) {
  blocked.addSubnet(net, prefix, "ipv6");
}

export function isPrivateAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return blocked.check(address, "ipv4");
  if (family !== 6) return true; // not an address at all: refuse
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return mapped ? blocked.check(mapped[1], "ipv4") : blocked.check(address, "ipv6");
}

export class UnsafeTargetError extends Error {}

/** Throws UnsafeTargetError unless `url` is an http(s) URL whose host resolves to public addresses only. */
export async function assertSafeWebhookUrl(url: string, allowPrivate: boolean): Promise<URL> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new UnsafeTargetError("Enter an absolute http:// or https:// URL.");
  }
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:")
    throw new UnsafeTargetError("Only http:// and https:// URLs are allowed.");
  if (parsed.username || parsed.password) throw new UnsafeTargetError("Credentials in the URL are not allowed.");
  if (allowPrivate) return parsed;
  const host = parsed.hostname.replace(/^\[|\]$/g, "");
  let addresses: string[];
  try {
    addresses = isIP(host)
      ? [host]
      : (await dns.promises.lookup(host, { all: true, verbatim: true })).map((a) => a.address);
  } catch {
    addresses = [];
  }
  // One answer for "no such name" and "an internal address": telling them apart would let anyone
  // map our internal DNS through this form.
  if (addresses.length === 0 || addresses.some(isPrivateAddress)) {
    throw new UnsafeTargetError(
      "The host must resolve to public addresses only: private, loopback and link-local addresses are not allowed as webhook targets.",
    );
  }
  return parsed;
}

type LookupCallback = (
  error: NodeJS.ErrnoException | null,
  address: string | dns.LookupAddress[],
  family?: number,
) => void;

/** A dns.lookup for http.request that refuses internal addresses at connection time. */
export function guardedLookup(hostname: string, options: dns.LookupOptions, callback: LookupCallback): void {
  dns.lookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, []);
    const list = addresses as dns.LookupAddress[];
    if (list.length === 0 || list.some((a) => isPrivateAddress(a.address))) {
      return callback(
        Object.assign(new UnsafeTargetError(`${hostname} resolves to a private address`), { code: "EUNSAFETARGET" }),
        [],
      );
    }
    if (options.all) callback(null, list);
    else callback(null, list[0].address, list[0].family);
  });
}
