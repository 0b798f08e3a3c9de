// Webhook settings make risky actions look risky and explain what happened.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { OPERATOR_ACTOR } from "../lib/auth/actor";
import { db } from "../lib/db";
import { createPartner } from "../lib/partners/create-partner";
import { createUser } from "../lib/users/create-user";
import { screenshot, signIn, world } from "./support";

let receiver: Server;
let port: number;

test.beforeAll(async () => {
  // A partner's endpoint that is down: every POST gets a 503.
  receiver = createServer((request, response) => {
    request.resume();
    request.on("end", () => response.writeHead(503).end("down for maintenance"));
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  port = (receiver.address() as AddressInfo).port;
});

test.afterAll(async () => {
  await new Promise((resolve) => receiver.close(resolve));
  await db.$disconnect();
});

test("a refused URL stays in the field, a failed test explains itself, and rotating asks first", async ({ page }) => {
  // A partner of its own, so no other spec's deliveries are sent to the failing receiver.
  const suffix = randomUUID().slice(0, 8);
  const partner = await createPartner({ actor: OPERATOR_ACTOR, input: { name: `Hook Shop ${suffix}` } });
  const email = `ops-${suffix}@hook.example`;
  await createUser({
    actor: OPERATOR_ACTOR,
    input: { email, password: world().password, role: "PARTNER", partnerId: partner.id, name: "Hook ops" },
  });
  await signIn(page, email);
  await page.goto("/settings/webhook");

  const url = page.getByLabel("Endpoint URL");
  await url.fill("ftp://example.com/hook");
  await page.getByRole("button", { name: "Save and enable" }).click();
  await expect(page.getByTestId("error-url")).toBeVisible();
  await expect(url).toHaveValue("ftp://example.com/hook");

  await url.fill(`http://127.0.0.1:${port}/hook`);
  await page.getByRole("button", { name: "Save and enable" }).click();
  await expect(page.getByTestId("webhook-state")).toContainText("Enabled");

  await page.getByRole("button", { name: "Send test event" }).click();
  const result = page.getByTestId("webhook-test-result");
  await expect(result).toContainText("Test event failed");
  await expect(page.getByTestId("webhook-test-status")).toHaveText("503");
  await expect(page.getByTestId("webhook-test-reason")).toContainText("an error on your server");
  await expect(result).toContainText(/\d+ ms/);
  await screenshot(page, "webhook-test-desktop");

  await page.getByRole("button", { name: "Reveal signing secret" }).click();
  const before = await page.getByTestId("webhook-secret").textContent();

  // Rotating asks first, says what it breaks, and changes nothing when declined.
  await page.getByRole("button", { name: "Rotate signing secret" }).click();
  const dialog = page.getByRole("alertdialog", { name: "Rotate the signing secret?" });
  await expect(dialog).toContainText("stops verifying at once");
  await dialog.getByRole("button", { name: "Keep as is" }).click();
  await expect(dialog).toHaveCount(0);
  const stored = await db.webhookEndpoint.findUniqueOrThrow({ where: { partnerId: partner.id } });
  expect(stored.secret).toBe(before);

  await page.getByRole("button", { name: "Rotate signing secret" }).click();
  await dialog.getByRole("button", { name: "Rotate secret" }).click();
  await expect(dialog).toHaveCount(0);
  const rotated = page.getByTestId("webhook-secret").last();
  await expect(rotated).not.toHaveText(before!);
  const after = await db.webhookEndpoint.findUniqueOrThrow({ where: { partnerId: partner.id } });
  expect(after.secret).not.toBe(before);
  await expect(rotated).toHaveText(after.secret);
});
