"use server";

import { AuthError } from "next-auth";
import { signIn } from "@/lib/auth";

export interface SignInState {
  error?: string;
}

/** Only same-site paths are followed after sign-in (no open redirects). */
function safeCallback(value: FormDataEntryValue | null): string {
  const path = typeof value === "string" ? value : "";
  return path.startsWith("/") && !path.startsWith("//") ? path : "/deliveries";
}

export async function signInAction(_state: SignInState, form: FormData): Promise<SignInState> {
  try {
    await signIn("credentials", {
      email: form.get("email"),
      password: form.get("password"),
      redirectTo: safeCallback(form.get("callbackUrl")),
    });
    return {};
  } catch (error) {
    if (error instanceof AuthError) return { error: "Wrong email or password, or the account is deactivated." };
    throw error; // the redirect after a successful sign-in
  }
}
