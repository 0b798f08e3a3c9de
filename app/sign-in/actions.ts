"use server";

import { AuthError } from "next-auth";
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
    // Deliberately one message for all failures: which accounts exist is nobody's business.
    if (error instanceof AuthError) return { error: "Wrong email or password, or the account is deactivated.", email };
    throw error; // the redirect after a successful sign-in
  }
}
