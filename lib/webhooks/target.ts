// SSRF guard for webhook URLs: http(s), global unicast addresses only — on the literal host, on every
// address DNS gives when saved, and inside the connection's own lookup when sending (DNS rebinding).
// WEBHOOK_ALLOW_PRIVATE_TARGETS=true lifts the address rule for development and tests.
import dns from "node:dns";
import { isIP } from "node:net";
import ipaddr from "ipaddr.js";

/** IANA's global unicast allocation for IPv6; everything outside it is special in some way. */
const IPV6_GLOBAL_UNICAST = ipaddr.parseCIDR("2000::/3");

/**
 * Whether `address` is a global unicast address, by ipaddr.js's table of special-purpose ranges
 * (private, loopback, link-local, shared, documentation, multicast, …): a range table we keep up
 * to date by upgrading a library, not by hand. IPv6 forms that embed or route to an IPv4 address
 * (6to4, Teredo, NAT64, IPv4-compatible) are refused outright; IPv4-mapped ones are judged as the
 * IPv4 address they map.
 */
export function isGlobalUnicast(address: string): boolean {
  if (!isIP(address)) return false; // not an address at all, or a shorthand such as 127.1
  let parsed: ipaddr.IPv4 | ipaddr.IPv6 = ipaddr.parse(address);
  if (parsed instanceof ipaddr.IPv6 && parsed.isIPv4MappedAddress()) parsed = parsed.toIPv4Address();
  if (parsed.range() !== "unicast") return false;
  return parsed instanceof ipaddr.IPv4 || parsed.match(IPV6_GLOBAL_UNICAST);
}

export function isPrivateAddress(address: string): boolean {
  return !isGlobalUnicast(address);
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
