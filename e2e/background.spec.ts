// Background work seen in the browser, as it runs by default: the app's embedded executor picks up
// the outbox rows a status change wrote and runs the real functions; nothing here plays Inngest.
import { expect, test } from "@playwright/test";
import { db } from "../lib/db";
import { createDelivery, screenshot, signIn, signOut, world } from "./support";

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
  const moved = await page.request.post(`/api/v1/deliveries/${delivery.id}/status`, { data: { status: "IN_TRANSIT" } });
  expect(moved.status()).toBe(200);
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
