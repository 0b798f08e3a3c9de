import NextAuth from "next-auth";
import { authConfig } from "@/lib/auth/config";

const { auth } = NextAuth(authConfig);
export default auth;

export const config = {
  // Pages only: the API answers 401 problems itself, and static assets need no session.
  matcher: ["/((?!api|_next/static|_next/image|favicon.ico|swagger).*)"],
};
