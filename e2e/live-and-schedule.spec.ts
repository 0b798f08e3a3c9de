// Screens that update themselves, and the schedule's controls. Two or three browsers at once: an
// admin watching the list while a partner creates through the API; a partner's delivery page and
// the recipient's tracking page while dispatch moves the delivery; then a partner reschedules, a
// courier sets an ETA, and a failed delivery is tried again — each seen without a reload.
import { expect, test, type Browser, type Page } from "@playwright/test";
import { db } from "../lib/db";
import { createDelivery, signIn, world } from "./support";

test.afterAll(async () => {
  await db.$disconnect();
});

async function signedIn(browser: Browser, email: string, to = "/deliveries"): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, email, { to });
  return page;
}

/** A window starting `hours` from now, two hours wide, as the API takes it. */
function windowIn(hours: number) {
  const from = new Date(Math.ceil((Date.now() + hours * 3_600_000) / 3_600_000) * 3_600_000);
  return { from: from.toISOString(), to: new Date(from.getTime() + 2 * 3_600_000).toISOString() };
}

test("the list, a delivery page, the tracking page and the bell update without a reload", async ({ browser }) => {
  const admin = await signedIn(browser, world().admin);
  const partner = await signedIn(browser, world().partnerA.email);
  await expect(admin.getByRole("heading", { name: "Deliveries", level: 1 })).toBeVisible();

  const created = await createDelivery(partner);
  // The admin's list shows it, as the first row (newest first), without anyone reloading.
  await expect(admin.getByTestId("deliveries-table").getByRole("link", { name: created.trackingCode })).toBeVisible({
    timeout: 10_000,
  });

  await partner.goto(`/deliveries/${created.id}`);
  const tracking = await (await browser.newContext()).newPage();
  await tracking.goto(`/track/${created.trackingCode}`);
  const unread = Number(
    (await partner
      .getByTestId("notifications-bell-count")
      .textContent({ timeout: 1_000 })
      .catch(() => "0")) || 0,
  );

  const courier = await db.user.findUniqueOrThrow({ where: { email: world().courier.email } });
  const assigned = await admin.request.put(`/api/v1/deliveries/${created.id}/assignment`, {
    data: { assigneeId: courier.id },
  });
  expect(assigned.status()).toBe(200);
  await expect(partner.locator("header").getByText("Assigned", { exact: true })).toBeVisible({ timeout: 10_000 });
  await expect(partner.getByText(`Assigned to ${world().courier.name}`)).toBeVisible();
  // The partner's users are notified of the assignment: the bell counts it.
  await expect(partner.getByTestId("notifications-bell-count")).toHaveText(String(unread + 1), { timeout: 15_000 });

  const started = await admin.request.post(`/api/v1/deliveries/${created.id}/status`, {
    data: { status: "IN_TRANSIT" },
  });
  expect(started.status()).toBe(200);
  await expect(tracking.getByText("Your delivery is on its way.")).toBeVisible({ timeout: 10_000 });
});

test("a partner reschedules, the courier sets an ETA, and a failed delivery is tried again", async ({ browser }) => {
  const partner = await signedIn(browser, world().partnerA.email);
  const created = await createDelivery(partner, { deliveryDate: undefined, dropoffWindow: windowIn(30) });
  await partner.goto(`/deliveries/${created.id}`);

  // Reschedule: the dialog starts from the current window; a reason is required.
  await partner.getByTestId("reschedule").click();
  const dialog = partner.getByTestId("reschedule-dialog");
  const next = windowIn(54);
  const local = (iso: string) => iso.slice(0, 16); // the partner's zone is UTC
  await dialog.getByLabel("Drop-off window from").fill(local(next.from));
  await dialog.getByLabel("Drop-off window until").fill(local(next.to));
  await dialog.getByRole("button", { name: "Reschedule" }).click();
  await expect(dialog.getByText("Say why: it is kept in the history")).toBeVisible();
  await dialog.getByLabel("Reason").fill("Recipient asked for later");
  await dialog.getByRole("button", { name: "Reschedule" }).click();
  await expect(dialog).toHaveCount(0);
  await expect(partner.getByTestId("timeline-note").last()).toContainText("Rescheduled: drop-off");
  const row = await db.delivery.findUniqueOrThrow({ where: { id: created.id } });
  expect(row.dropoffWindowStart?.toISOString()).toBe(next.from);

  // The courier, on the way, sets an ETA; the partner's page shows it without a reload.
  const courier = await db.user.findUniqueOrThrow({ where: { email: world().courier.email } });
  const admin = await signedIn(browser, world().admin);
  expect(
    (
      await admin.request.put(`/api/v1/deliveries/${created.id}/assignment`, { data: { assigneeId: courier.id } })
    ).status(),
  ).toBe(200);
  const phone = await signedIn(browser, world().courier.email, `/courier/${created.id}`);
  await phone.getByRole("button", { name: /Start/ }).first().click();
  await phone.getByTestId("set-eta").click();
  const etaDialog = phone.getByTestId("set-eta-dialog");
  await etaDialog.getByLabel("In how many minutes").fill("25");
  await etaDialog.getByRole("button", { name: "Save ETA" }).click();
  await expect(etaDialog).toHaveCount(0);
  await expect(partner.getByTestId("schedule").getByTestId("eta")).not.toHaveText("—", { timeout: 10_000 });

  // It fails; the partner tries again as attempt 2.
  await phone.request.post(`/api/v1/deliveries/${created.id}/status`, {
    data: { status: "FAILED", reason: "Nobody home" },
  });
  await expect(partner.getByTestId("reattempt")).toBeVisible({ timeout: 10_000 });
  await partner.getByTestId("reattempt").click();
  const again = partner.getByTestId("reattempt-dialog");
  const retry = windowIn(78);
  await again.getByLabel("New drop-off window from").fill(local(retry.from));
  await again.getByLabel("New drop-off window until").fill(local(retry.to));
  await again.getByLabel("Keep the same courier").check();
  await again.getByRole("button", { name: "Try again" }).click();
  await expect(again).toHaveCount(0);
  await expect(partner.getByTestId("attempt")).toHaveText("Attempt 2");
  await expect(partner.locator("header").getByText("Assigned", { exact: true })).toBeVisible();
});
