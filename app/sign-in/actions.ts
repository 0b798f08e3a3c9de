"use server";

import { AuthError, CredentialsSignin } from "next-auth";
import { signIn } from "@/lib/auth";
import { safeCallbackUrl } from "@/lib/auth/callback-url";

export interface SignInState {
  error?: string;
  email?: string;
}

export async function signInAction(_state: SignInState, form: FormData): Promise<SignInState> {
  const email = String(form.get("email") ?? "");
  try {
    await signIn("credentials", {
      email,
      password: form.get("password"),
      redirectTo: safeCallbackUrl(form.get("callbackUrl")),
    });
    return {};
  } catch (error) {
    if (error instanceof CredentialsSignin && error.code === "rate_limited") {
      return { error: "Too many sign-in attempts. Wait a few minutes, then try again.", email };
    }
    // Deliberately one message for all failures: which accounts exist is nobody's business.
    if (error instanceof AuthError) return { error: "Wrong email or password, or the account is deactivated.", email };
    throw error; // the redirect after a successful sign-in
  }
}
