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

test("add an endpoint, see its secret once, test it, read the log, resend, rotate and delete", async ({
  page,
  context,
}) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
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
  await expect(page.getByText("No endpoints yet")).toBeVisible();

  // A refused URL stays in the field, with the reason beside it.
  const add = page.getByTestId("add-endpoint-form");
  const url = add.getByLabel("Endpoint URL");
  await url.fill("ftp://example.com/hook");
  await add.getByRole("button", { name: "Add endpoint" }).click();
  await expect(page.getByTestId("error-url")).toBeVisible();
  await expect(url).toHaveValue("ftp://example.com/hook");

  // Subscribed to created and assigned only; the secret is shown once, with a copy button.
  await url.fill(`http://127.0.0.1:${port}/hook`);
  await add.getByLabel("Description").fill("Shop backend");
  await add.getByLabel("delivery.status_changed").uncheck();
  await add.getByLabel("delivery.rescheduled").uncheck();
  await add.getByLabel("delivery.eta_updated").uncheck();
  await add.getByRole("button", { name: "Add endpoint" }).click();
  const secret = page.getByTestId("secret-value");
  await expect(secret).toHaveText(/^whsec_/);
  const [stored] = await db.webhookEndpoint.findMany({ where: { partnerId: partner.id } });
  expect(stored).toMatchObject({ description: "Shop backend", events: ["delivery.created", "delivery.assigned"] });
  await expect(secret).toHaveText(stored.secret);
  await page.getByTestId("copy-secret").click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(stored.secret);
  await page.reload();
  await expect(page.getByTestId("secret-value")).toHaveCount(0); // once only

  const card = page.getByTestId("webhook-endpoint");
  await expect(card.getByTestId("webhook-state")).toContainText("Enabled");
  await expect(card.getByLabel("delivery.status_changed")).not.toBeChecked();

  // A failed test explains itself, and lands in the message log with its attempt.
  await card.getByRole("button", { name: "Send test event" }).click();
  const result = page.getByTestId("webhook-test-result");
  await expect(result).toContainText("Test event failed");
  await expect(page.getByTestId("webhook-test-status")).toHaveText("503");
  await expect(page.getByTestId("webhook-test-reason")).toContainText("an error on your server");
  await expect(result).toContainText(/\d+ ms/);
  await screenshot(page, "webhook-test-desktop");
  const log = card.getByTestId("webhook-messages");
  await expect(log).toContainText("webhook.test");
  await expect(log.getByTestId("webhook-attempts")).toContainText("503");
  await log.getByText("Response").click();
  await expect(log).toContainText("down for maintenance");

  // Resend queues the same message (the background work sends it under the same webhook-id).
  await log.getByRole("button", { name: /^Resend webhook\.test/ }).click();
  await expect(page.getByText("The message will be sent again with its original webhook-id.")).toBeVisible();
  const [message] = await db.webhookMessage.findMany({ where: { endpointId: stored.id } });
  expect(
    await db.outboxEvent.count({
      where: { name: "webhook/resend.requested", payload: { path: ["messageId"], equals: message.id } },
    }),
  ).toBe(1);

  // Rotating asks first, says the old secret keeps signing for 24 hours, and changes nothing when declined.
  await card.getByRole("button", { name: `Rotate signing secret of ${stored.url}` }).click();
  const dialog = page.getByRole("alertdialog", { name: "Rotate the signing secret?" });
  await expect(dialog).toContainText("For 24 hours we sign with both");
  await dialog.getByRole("button", { name: "Keep as is" }).click();
  await expect(dialog).toHaveCount(0);
  expect((await db.webhookEndpoint.findUniqueOrThrow({ where: { id: stored.id } })).secret).toBe(stored.secret);

  await card.getByRole("button", { name: `Rotate signing secret of ${stored.url}` }).click();
  await dialog.getByRole("button", { name: "Rotate secret" }).click();
  await expect(dialog).toHaveCount(0);
  const after = await db.webhookEndpoint.findUniqueOrThrow({ where: { id: stored.id } });
  expect(after).toMatchObject({ previousSecret: stored.secret });
  expect(after.secret).not.toBe(stored.secret);
  await expect(page.getByTestId("secret-value")).toHaveText(after.secret);

  // Deleting is behind a confirmation.
  await card.getByRole("button", { name: `Delete endpoint ${stored.url}` }).click();
  const confirm = page.getByRole("alertdialog", { name: "Delete this endpoint?" });
  await confirm.getByRole("button", { name: "Delete endpoint" }).click();
  await expect(page.getByText("No endpoints yet")).toBeVisible();
  expect(await db.webhookEndpoint.count({ where: { partnerId: partner.id } })).toBe(0);
});
