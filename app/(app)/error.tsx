"use client";

// Inside the signed-in shell, so navigation stays usable after a failure.
export { ErrorMessage as default } from "@/components/error-message";
