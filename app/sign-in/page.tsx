import type { Metadata } from "next";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const { callbackUrl } = await searchParams;
  return (
    <main>
      <h1>Sign in</h1>
      <SignInForm callbackUrl={callbackUrl ?? "/deliveries"} />
    </main>
  );
}
