import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { currentActor } from "@/lib/auth/page-guard";
import { safeCallbackUrl } from "@/lib/auth/callback-url";
import { homeFor } from "@/lib/auth/pages";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const callbackUrl = safeCallbackUrl((await searchParams).callbackUrl);
  const actor = await currentActor();
  // Already signed in: on to where they were going, or straight to their own home.
  if (actor) redirect(callbackUrl === "/" ? homeFor(actor) : callbackUrl);
  return (
    <main id="main" className="flex min-h-screen items-center justify-center px-4 py-10">
      <div className="w-full max-w-sm">
        <h1 className="page-title mb-1 text-center">Sign in</h1>
        <p className="mb-6 text-center text-sm text-slate-600">Delivery platform for partners and dispatch</p>
        <div className="card">
          <SignInForm callbackUrl={callbackUrl} />
        </div>
      </div>
    </main>
  );
}
