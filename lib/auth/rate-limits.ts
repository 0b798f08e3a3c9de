// Who is counted against which limit (limits in lib/env.ts): API calls per caller (key or user)
// and per partner; public tracking per client; sign-ins as described at signInBuckets.
import { CredentialsSignin } from "next-auth";
import type { Actor } from "@/lib/auth/actor";
import { env } from "@/lib/env";
import { clientIp, clientKey, type Bucket } from "@/lib/rate-limit";

const MINUTE = 60;
const SIGN_IN_WINDOW = 15 * MINUTE;

export function apiBuckets(actor: Actor): Bucket[] {
  const { RATE_LIMIT_API_PER_CALLER, RATE_LIMIT_API_PER_PARTNER } = env();
  const buckets: Bucket[] = [
    { key: `api:caller:${actor.id}`, limit: RATE_LIMIT_API_PER_CALLER, windowSeconds: MINUTE },
  ];
  if (actor.partnerId) {
    buckets.push({ key: `api:partner:${actor.partnerId}`, limit: RATE_LIMIT_API_PER_PARTNER, windowSeconds: MINUTE });
  }
  return buckets;
}

/** Public tracking (API and page alike): a recipient refreshes, a guesser tries thousands. */
export function trackingBucket(headers: Headers): Bucket {
  return {
    key: `track:${clientKey(clientIp(headers))}`,
    limit: env().RATE_LIMIT_TRACKING_PER_CLIENT,
    windowSeconds: MINUTE,
  };
}

/**
 * Sign-in limits that stop guessing without letting anyone lock an account:
 * - `ip`: every attempt from one client address (any email): a hard cap on guessing across
 *   accounts and on the hashing work one address can cause;
 * - `client`: failures for this email from this address: a hard cap, but only that address is
 *   refused — the account's owner elsewhere is not;
 * - `email`: failures for this email from anywhere: past the limit every attempt is slowed, never
 *   refused, so the right password still signs in.
 * Attempts are counted before the password is checked and given back when it was right, so the
 * counts are failures while concurrent guesses still cannot slip past a limit.
 */
export function signInBuckets(email: string, address: string) {
  const { RATE_LIMIT_SIGNIN_PER_IP, RATE_LIMIT_SIGNIN_PER_CLIENT, RATE_LIMIT_SIGNIN_PER_EMAIL } = env();
  const ip = clientKey(address);
  const bucket = (key: string, limit: number): Bucket => ({ key, limit, windowSeconds: SIGN_IN_WINDOW });
  return {
    ip: bucket(`signin:ip:${ip}`, RATE_LIMIT_SIGNIN_PER_IP),
    client: bucket(`signin:fail:${ip}:${email}`, RATE_LIMIT_SIGNIN_PER_CLIENT),
    email: bucket(`signin:fail:${email}`, RATE_LIMIT_SIGNIN_PER_EMAIL),
  };
}

/** Thrown from `authorize`; Auth.js puts `code` into the redirect, the route turns it into a 429. */
export class SignInRateLimited extends CredentialsSignin {
  code = "rate_limited";
}

/** Seconds until the sign-in window ends (fixed windows are aligned to the epoch). */
export function signInRetryAfter(): number {
  return Math.max(1, Math.ceil(SIGN_IN_WINDOW - ((Date.now() / 1000) % SIGN_IN_WINDOW)));
}
