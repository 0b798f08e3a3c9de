import { expect, test } from "@playwright/test";
import { assignToCourier, createDelivery, screenshot, signIn, signOut, world } from "./support";

test.describe("moving deliveries through their lifecycle", () => {
  test("admin moves a delivery CREATED → ASSIGNED → IN_TRANSIT → COMPLETED and the partner sees the whole timeline", async ({
    page,
  }) => {
    await signIn(page, world().partnerA.email);
    const delivery = await createDelivery(page);
    await signOut(page);

    await signIn(page, world().admin, { to: `/deliveries/${delivery.id}` });
    await expect(page.getByTestId("tracking-code")).toHaveText(delivery.trackingCode);
    await screenshot(page, "delivery-detail-admin");
    const assign = page.getByTestId("assign-panel");
    const courier = assign.getByLabel("Courier");
    await courier.selectOption(
      (await courier.locator("option", { hasText: world().courier.name }).getAttribute("value"))!,
    );
    await assign.getByRole("button", { name: "Assign" }).click();
    await expect(page.getByTestId("status-badge").first()).toHaveText("Assigned");
    await page.getByRole("button", { name: "Mark picked up" }).click();
    await expect(page.getByTestId("status-badge").first()).toHaveText("In transit");

    await page.getByTestId("action-COMPLETED").click();
    const dialog = page.getByRole("alertdialog", { name: "Mark delivered?" });
    await expect(dialog).toContainText("This is final");
    await dialog.getByLabel(/Reason/).fill("Handed to the recipient");
    await dialog.getByRole("button", { name: "Confirm" }).click();
    await expect(page.getByTestId("status-badge").first()).toHaveText("Delivered");
    await expect(page.getByTestId("no-actions")).toBeVisible();
    await signOut(page);

    await signIn(page, world().partnerA.email, { to: `/deliveries/${delivery.id}` });
    const entries = page.getByTestId("timeline-entry");
    await expect(entries).toHaveCount(4);
    await expect(entries.nth(0)).toHaveAttribute("data-status", "CREATED");
    await expect(entries.nth(1)).toHaveAttribute("data-status", "ASSIGNED");
    await expect(entries.nth(2)).toHaveAttribute("data-status", "IN_TRANSIT");
    await expect(entries.nth(3)).toHaveAttribute("data-status", "COMPLETED");
    await expect(entries.nth(3)).toContainText("Reason: Handed to the recipient");
    await expect(entries.nth(1)).toContainText(`Assigned to ${world().courier.name}`);
    await expect(entries.nth(1)).toContainText("by Delivery platform staff");
    await expect(entries.nth(2)).toContainText("by Delivery platform staff");
    await expect(entries.nth(0)).toContainText(world().partnerA.email);
  });

  test("an unassigned delivery offers no Start, and the API refuses to start it with 409", async ({ page }) => {
    await signIn(page, world().partnerA.email);
    const delivery = await createDelivery(page);
    await signOut(page);

    await signIn(page, world().admin, { to: `/deliveries/${delivery.id}` });
    await expect(page.getByTestId("status-badge").first()).toHaveText("Created");
    const actions = page.getByTestId("transition-panel");
    await expect(actions.getByTestId("action-FAILED")).toBeVisible();
    await expect(actions.getByTestId("action-CANCELLED")).toBeVisible();
    await expect(actions.getByRole("button")).toHaveCount(2);
    await expect(page.getByRole("button", { name: "Mark picked up" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: /^Start\b/ })).toHaveCount(0);

    const refused = await page.request.post(`/api/v1/deliveries/${delivery.id}/status`, {
      data: { status: "IN_TRANSIT" },
    });
    expect(refused.status()).toBe(409);
    expect(await refused.json()).toMatchObject({
      type: "/problems/invalid-transition",
      currentStatus: "CREATED",
      allowedTransitions: ["FAILED", "CANCELLED"],
    });

    // Once a courier has it, the start is there.
    await assignToCourier(page, delivery.id);
    await page.reload();
    await expect(page.getByTestId("status-badge").first()).toHaveText("Assigned");
    await expect(actions.getByRole("button", { name: "Mark picked up" })).toBeVisible();
  });

  test("admin must give a reason to mark a delivery failed", async ({ page }) => {
    await signIn(page, world().partnerA.email);
    const delivery = await createDelivery(page);
    await signOut(page);
    await signIn(page, world().admin, { to: `/deliveries/${delivery.id}` });
    await page.getByTestId("action-FAILED").click();
    const dialog = page.getByRole("alertdialog", { name: "Mark failed?" });
    await expect(dialog.getByLabel(/Reason/)).toHaveAttribute("required", "");
    await dialog.getByLabel(/Reason/).fill("Address does not exist");
    await dialog.getByRole("button", { name: "Confirm" }).click();
    await expect(page.getByTestId("status-badge").first()).toHaveText("Failed");
    await expect(page.getByTestId("timeline-entry").last()).toContainText("Address does not exist");
  });

  test("a partner cancels a CREATED delivery and can no longer act on it", async ({ page }) => {
    await signIn(page, world().partnerA.email);
    const delivery = await createDelivery(page);
    await page.goto(`/deliveries/${delivery.id}`);
    await expect(page.getByRole("button", { name: "Mark picked up" })).toHaveCount(0);
    await page.getByTestId("action-CANCELLED").click();
    const dialog = page.getByRole("alertdialog", { name: "Cancel delivery?" });
    await dialog.getByRole("button", { name: "Confirm" }).click();
    await expect(page.getByTestId("status-badge").first()).toHaveText("Cancelled");
    await expect(page.getByTestId("no-actions")).toBeVisible();
    await expect(page.getByTestId("action-CANCELLED")).toHaveCount(0);
  });

  test("a change made by someone else first is reported and the fresh state shown", async ({ page, browser }) => {
    await signIn(page, world().partnerA.email);
    const delivery = await createDelivery(page);
    await signOut(page);
    // This tab hears no live updates (as one whose stream has not caught up), so it still shows
    // ASSIGNED when it submits; e2e/live-and-schedule.spec.ts shows pages refreshing themselves.
    await page.route("**/api/v1/live", (route) => route.abort());
    await signIn(page, world().admin, { to: `/deliveries/${delivery.id}` });
    await assignToCourier(page, delivery.id);
    await page.reload();
    await expect(page.getByTestId("status-badge").first()).toHaveText("Assigned");

    // A second admin tab moves the delivery while the first still shows ASSIGNED.
    const other = await browser.newContext();
    const otherPage = await other.newPage();
    await signIn(otherPage, world().admin, { to: `/deliveries/${delivery.id}` });
    await otherPage.getByRole("button", { name: "Mark picked up" }).click();
    await expect(otherPage.getByTestId("status-badge").first()).toHaveText("In transit");
    await other.close();

    await page.getByTestId("action-CANCELLED").click();
    await page.getByRole("alertdialog", { name: "Cancel delivery?" }).getByRole("button", { name: "Confirm" }).click();
    await expect(page.getByTestId("stale-notice")).toContainText("Someone else changed this delivery");
    await expect(page.getByTestId("status-badge").first()).toHaveText("In transit");
    await expect(page.getByRole("button", { name: "Mark picked up" })).toHaveCount(0);
  });

  test("partner B opening partner A's delivery gets the 404 page", async ({ page }) => {
    await signIn(page, world().partnerA.email);
    const delivery = await createDelivery(page);
    await signOut(page);
    await signIn(page, world().partnerB.email);
    await page.goto(`/deliveries/${delivery.id}`);
    await expect(page.getByTestId("not-found")).toBeVisible();
    await expect(page.getByText(delivery.trackingCode)).toHaveCount(0);
    await screenshot(page, "not-found");
  });

  test("the public tracking page shows the status but no recipient data", async ({ page, browser }) => {
    await signIn(page, world().partnerA.email);
    const delivery = await createDelivery(page, {
      recipientName: "Mycroft Holmes",
      dropoffAddress: "Diogenes Club, Pall Mall",
    });

    const anonymous = await browser.newContext();
    const visitor = await anonymous.newPage();
    await visitor.goto(`/track/${delivery.trackingCode}`);
    await expect(visitor.getByTestId("tracking-code")).toHaveText(delivery.trackingCode);
    await expect(visitor.getByTestId("status-badge").first()).toHaveText("Created");
    const text = await visitor.locator("body").innerText();
    for (const secret of ["Mycroft", "Diogenes", "sherlock@example.com", "+44", delivery.externalReference]) {
      expect(text).not.toContain(secret);
    }
    await screenshot(visitor, "tracking");
    await visitor.goto("/track/DLV-NOPE2345");
    await expect(visitor.getByRole("heading", { name: "We could not find that delivery" })).toBeVisible();
    await anonymous.close();
  });
});
