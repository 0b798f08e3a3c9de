// Background work seen in the browser, as it runs by default: the app's embedded executor picks up
// the outbox rows a status change wrote and runs the real functions; nothing here plays Inngest.
import { expect, test } from "@playwright/test";
import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import { db } from "../lib/db";
import { createDelivery, screenshot, signIn, signOut, startDelivery, uniqueRef, world } from "./support";

/** Waits until the embedded executor has finished every run of this delivery's latest event. */
async function backgroundDoneFor(deliveryId: string, name: string) {
  const row = await db.outboxEvent.findFirstOrThrow({
    where: { name, payload: { path: ["deliveryId"], equals: deliveryId } },
    orderBy: { createdAt: "desc" },
  });
  await expect
    .poll(() => db.backgroundRun.count({ where: { members: { some: { eventId: row.id } }, status: "COMPLETED" } }), {
      timeout: 15_000,
    })
    .toBe(2); // notifications and emails, webhooks
}

test.afterAll(() => db.$disconnect());

test("a status change reaches the partner as an in-app notification, and the admin can read the logged email", async ({
  page,
}) => {
  const { partnerB, admin } = world();
  await signIn(page, partnerB.email);
  const delivery = await createDelivery(page, { recipientEmail: "reader@example.com" });
  await signOut(page);

  await signIn(page, admin);
  await startDelivery(page, delivery.id);
  await backgroundDoneFor(delivery.id, "delivery/status.changed");

  await page.goto("/admin/emails");
  const subject = page.getByRole("link", { name: new RegExp(delivery.trackingCode) }).first();
  await expect(subject).toBeVisible();
  await subject.click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(delivery.trackingCode);
  await expect(page.getByTestId("email-text")).toContainText(`/track/${delivery.trackingCode}`);
  await expect(page.frameLocator("iframe").locator("body")).toContainText(delivery.trackingCode);
  await screenshot(page, "admin-email");
  await signOut(page);

  await signIn(page, partnerB.email);
  await expect(page.getByTestId("notifications-bell-count")).toHaveText(/^[1-9]\d*$/);
  await page.getByTestId("notifications-bell").click();
  const list = page.getByTestId("notifications");
  await expect(list.getByRole("link", { name: new RegExp(delivery.trackingCode) }).first()).toBeVisible();
  await screenshot(page, "notifications");
});

test("notifications read newest first, and opening one reads it and leads to what it is about", async ({ page }) => {
  const { partnerB, admin } = world();
  await signIn(page, partnerB.email);
  const delivery = await createDelivery(page);
  await signOut(page);
  await signIn(page, admin);
  const moved = await page.request.post(`/api/v1/deliveries/${delivery.id}/status`, {
    data: { status: "CANCELLED", reason: "Customer changed their mind" },
  });
  expect(moved.status()).toBe(200);
  await backgroundDoneFor(delivery.id, "delivery/status.changed");
  await signOut(page);

  await signIn(page, partnerB.email, { to: "/notifications" });
  const about = page.getByTestId("notifications").locator("li", { hasText: delivery.trackingCode });
  await expect(about).toHaveCount(2);
  await expect(about.first()).toContainText(`Delivery ${delivery.trackingCode} is now cancelled`);
  await expect(about.nth(1)).toContainText(`Delivery ${delivery.trackingCode} created`);
  await expect(about.first()).toHaveAttribute("data-unread", "true");
  const unread = Number(await page.getByTestId("unread-count").textContent());

  await about.first().getByRole("link").click();
  await expect(page).toHaveURL(new RegExp(`/deliveries/${delivery.id}$`));
  await expect(page.getByTestId("notifications-bell")).toHaveAccessibleName(
    unread - 1 > 0 ? `Notifications, ${unread - 1} unread` : "Notifications",
  );
  await page.goto("/notifications");
  await expect(about.first()).not.toHaveAttribute("data-unread");
  await expect(about.nth(1)).toHaveAttribute("data-unread", "true");
});

test("the import-finished notification leads to the import and writes its numbers grouped", async ({ page }) => {
  await signIn(page, world().partnerB.email);
  const template = await page.request.get("/api/v1/imports/template.csv");
  const [columns, example] = parse(await template.text()) as string[][];
  const tag = uniqueRef("NOTE");
  const rows = [1, 2].map((n) => columns.map((c, i) => (c === "externalReference" ? `${tag}-${n}` : example[i])));
  const checked = await page.request.post("/api/v1/imports", {
    headers: { "content-type": "text/csv", "x-file-name": `${tag}.csv` },
    data: stringify([columns, ...rows]),
  });
  expect(checked.status()).toBe(201);
  const { id } = (await checked.json()) as { id: string };
  expect((await page.request.post(`/api/v1/imports/${id}/confirm`)).status()).toBe(202);

  // Opened while the import runs: the notification appears without a reload.
  await page.goto("/notifications");
  const note = page.getByTestId("notifications").locator("li", { hasText: `${tag}.csv` });
  await expect(note).toContainText("2 created, 0 already existed, 0 failed.", { timeout: 30_000 });
  await note.getByRole("link", { name: `Import ${tag}.csv finished` }).click();
  await expect(page).toHaveURL(new RegExp(`/deliveries/import/${id}$`));
});
