// Helpers shared by the end-to-end specs: who exists, signing in through the real page, quick
// data set-up through the API with the browser's own session, and page screenshots.
import { randomUUID } from "node:crypto";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { expect, type Page } from "@playwright/test";

export interface E2ePartner {
  id: string;
  name: string;
  email: string;
}

export interface E2eWorld {
  password: string;
  admin: string;
  partnerA: E2ePartner;
  partnerB: E2ePartner;
  partnerC: E2ePartner;
}

export function world(): E2eWorld {
  const raw = process.env.E2E_WORLD;
  if (!raw) throw new Error("E2E_WORLD is not set: run through `npm run test:e2e` (global setup)");
  return JSON.parse(raw) as E2eWorld;
}

export async function signIn(page: Page, email: string, options: { password?: string; to?: string } = {}) {
  await page.goto(options.to ? `/sign-in?callbackUrl=${encodeURIComponent(options.to)}` : "/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(options.password ?? world().password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("signed-in-as")).toHaveText(email);
}

export async function signOut(page: Page) {
  // Every page request through the proxy re-issues the (rolling) session cookie; one still in
  // flight when the sign-out's cookie deletion lands would sign the browser back in. Let the page
  // settle first, as a person would before reaching for the button.
  await page.waitForLoadState("networkidle");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
}

export function futureDate(days = 7): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

export const uniqueRef = (prefix = "ORD") => `${prefix}-${randomUUID().slice(0, 8).toUpperCase()}`;

/** Creates a delivery as the signed-in partner through the API (the session cookie authenticates). */
export async function createDelivery(page: Page, overrides: Record<string, unknown> = {}) {
  const res = await page.request.post("/api/v1/deliveries", {
    data: {
      pickupAddress: "1 Depot Way, Springfield",
      dropoffAddress: "221B Baker Street, London",
      recipientName: "Sherlock Holmes",
      recipientEmail: "sherlock@example.com",
      recipientPhone: "+44 20 7224 3688",
      deliveryDate: futureDate(),
      externalReference: uniqueRef(),
      ...overrides,
    },
  });
  expect(res.status(), await res.text()).toBe(201);
  return (await res.json()) as { id: string; trackingCode: string; externalReference: string };
}

const SHOTS = path.resolve(import.meta.dirname, "screenshots");

/** A full-page screenshot of a main page, kept as an artifact (e2e/screenshots, not in git). */
export async function screenshot(page: Page, name: string) {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}
