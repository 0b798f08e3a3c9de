// Defects on dispatch's screens, each pinned by the behaviour a person sees.
import { expect, test } from "@playwright/test";
import { assignToCourier, createDelivery, signIn, world } from "./support";

test("Unassign on an assigned delivery is a secondary button, not the page's main action", async ({
  browser,
  page,
}) => {
  const { partnerA, admin } = world();
  const partner = await (await browser.newContext()).newPage();
  await signIn(partner, partnerA.email);
  const delivery = await createDelivery(partner);

  await signIn(page, admin, { to: `/deliveries/${delivery.id}` });
  await assignToCourier(page, delivery.id);
  await page.reload();
  const unassign = page.getByTestId("transition-panel").getByRole("button", { name: "Unassign" });
  await expect(unassign).toBeVisible();
  await expect(unassign).toHaveClass(/\bbtn-secondary\b/);
  await expect(unassign).not.toHaveClass(/\bbtn-primary\b/);
});

test("the error page inside the signed-in shell has one main landmark", async ({ browser, page }) => {
  const { partnerA, admin } = world();
  const partner = await (await browser.newContext()).newPage();
  await signIn(partner, partnerA.email);
  const delivery = await createDelivery(partner);

  await signIn(page, admin, { to: `/deliveries/${delivery.id}` });
  await assignToCourier(page, delivery.id);
  await page.reload();
  // The server action's request never arrives: the page shows the error boundary.
  await page.route(`**/deliveries/${delivery.id}`, (route) =>
    route.request().method() === "POST" ? route.abort("internetdisconnected") : route.continue(),
  );
  await page.getByTestId("transition-panel").getByRole("button", { name: "Mark picked up" }).click();
  await expect(page.getByTestId("error-page")).toBeVisible();
  await expect(page.locator("main")).toHaveCount(1);
  await expect(page.locator("#main")).toHaveCount(1);
});
