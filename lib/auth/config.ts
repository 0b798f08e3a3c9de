// Auth.js settings shared by the proxy and the server. No database access here: the proxy must
// stay light, and it only redirects signed-out page visits (authorisation happens next to data).
import type { NextAuthConfig } from "next-auth";
import { safeCallbackUrl } from "@/lib/auth/callback-url";

export type SessionRole = "ADMIN" | "PARTNER" | "COURIER";

const PUBLIC_PAGES = [/^\/$/, /^\/sign-in$/, /^\/track(\/|$)/];

export const authConfig = {
  pages: { signIn: "/sign-in" },
  session: { strategy: "jwt", maxAge: 60 * 60 * 12 },
  trustHost: true,
  providers: [],
  callbacks: {
    authorized({ auth, request }) {
      const { pathname, search } = request.nextUrl;
      if (PUBLIC_PAGES.some((re) => re.test(pathname)) || auth?.user) return true;
      // Our own redirect keeps callbackUrl a relative path (Auth.js would put an absolute URL
      // there, which breaks behind 127.0.0.1 vs localhost and which the sign-in form refuses).
      const url = new URL("/sign-in", request.nextUrl);
      url.searchParams.set("callbackUrl", safeCallbackUrl(pathname + search));
      return Response.redirect(url);
    },
    // Every redirect Auth.js makes (after sign-in or sign-out, `callbackUrl` of its own endpoints)
    // obeys the sign-in page's rule: a path on this origin, as a browser would read it.
    redirect({ url, baseUrl }) {
      const origin = new URL(baseUrl).origin;
      const path = url.startsWith(origin) ? url.slice(origin.length) : url;
      return `${origin}${safeCallbackUrl(path, origin)}`;
    },
    jwt({ token, user }) {
      if (user) {
        const u = user as { id?: string; role?: SessionRole; partnerId?: string | null };
        token.sub = u.id;
        token.role = u.role;
        token.partnerId = u.partnerId ?? null;
        // This sign-in's id: signing out revokes it server-side (RevokedSession), so a copy of the
        // cookie, or one re-issued by a request racing the sign-out, signs nobody back in.
        token.sid = crypto.randomUUID();
      }
      return token;
    },
    session({ session, token }) {
      const user = session.user as typeof session.user & { role?: SessionRole; partnerId?: string | null };
      user.id = token.sub ?? "";
      user.role = token.role as SessionRole;
      user.partnerId = (token.partnerId as string | null) ?? null;
      (session as typeof session & { sid?: string }).sid = typeof token.sid === "string" ? token.sid : undefined;
      return session;
    },
  },
} satisfies NextAuthConfig;
