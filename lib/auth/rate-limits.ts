// Who is counted against which limit (limits in lib/env.ts): API calls per caller (key or user)
// and per partner; sign-in attempts per email and per client IP.
import { CredentialsSignin } from "next-auth";
import type { Actor } from "@/lib/auth/actor";
import { env } from "@/lib/env";
import type { Bucket } from "@/lib/rate-limit";

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

export function signInBuckets(email: string, ip: string): Bucket[] {
  const { RATE_LIMIT_SIGNIN_PER_EMAIL, RATE_LIMIT_SIGNIN_PER_IP } = env();
  return [
    { key: `signin:email:${email}`, limit: RATE_LIMIT_SIGNIN_PER_EMAIL, windowSeconds: SIGN_IN_WINDOW },
    { key: `signin:ip:${ip}`, limit: RATE_LIMIT_SIGNIN_PER_IP, windowSeconds: SIGN_IN_WINDOW },
  ];
}

/** Thrown from `authorize`; Auth.js puts `code` into the redirect, the route turns it into a 429. */
export class SignInRateLimited extends CredentialsSignin {
  code = "rate_limited";
}

/** Seconds until the sign-in window ends (fixed windows are aligned to the epoch). */
export function signInRetryAfter(): number {
  return Math.max(1, Math.ceil(SIGN_IN_WINDOW - ((Date.now() / 1000) % SIGN_IN_WINDOW)));
}
