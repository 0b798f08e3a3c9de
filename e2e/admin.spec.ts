import { expect, test } from "@playwright/test";
import { createDelivery, screenshot, signIn, signOut, world } from "./support";

test("the admin overview shows counts, the 30-day chart, stuck deliveries, the error rate and the background work", async ({
  page,
}) => {
  await signIn(page, world().partnerB.email);
  const made = [await createDelivery(page), await createDelivery(page), await createDelivery(page)];
  await page.request.post(`/api/v1/deliveries/${made[0].id}/status`, { data: { status: "CANCELLED" } });
  await signOut(page);

  await signIn(page, world().admin);
  await page.getByRole("link", { name: "Overview" }).click();
  await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
  await expect(page.getByTestId("count-CREATED")).not.toContainText(/^Created0$/);
  await expect(page.getByTestId("count-CANCELLED")).toContainText(/[1-9]/);
  await expect(page.getByTestId("per-day-chart")).toBeVisible();
  // No Inngest server here: the embedded executor runs the background work, and says so.
  await expect(page.getByTestId("executor")).toContainText("embedded executor");
  await expect(page.getByTestId("outbox-summary")).toContainText(/background executor/);
  await expect(page.getByTestId("email-health")).toBeVisible();
  // The last hour's requests of every worker (this test's among them) and the queue now, from the metrics.
  await expect(page.getByTestId("error-rate")).toContainText(
    /^[\d.]+ % of requests failed with a server error in the last hour \([\d,]+ of [\d,]+\)\.$/,
  );
  await expect(page.getByTestId("runs-failed-hour")).toHaveText(/^[\d,]+$/);
  await expect(page.getByTestId("queue-depth")).toHaveText(/^[\d,]+$/);
  await expect(page.getByTestId("outbox-lag")).toBeVisible();
  await screenshot(page, "admin-overview");

  await page.getByRole("link", { name: "Open background runs" }).click();
  await expect(page.getByRole("heading", { name: "Background runs" })).toBeVisible();
  await expect(page.getByTestId("runs-table").getByText("delivery-webhooks").first()).toBeVisible();
  await expect(page.getByTestId("run-status").filter({ hasText: "completed" }).first()).toBeVisible();
  await screenshot(page, "background-runs");
});

test("an admin creates a partner and a user, and deactivating the user stops their sign-in", async ({ page }) => {
  const email = `clerk-${Date.now()}@delta.example`;
  // Unique per run (a retry must not meet its own partner: names are unique).
  const name = `Delta Deli ${String(Date.now()).slice(-6)}`;
  await signIn(page, world().admin);
  await page.getByRole("link", { name: "Partners" }).click();
  await page.getByLabel("Partner name").fill(name);
  await page.getByLabel("Contact email").fill("hello@delta.example");
  await page.getByRole("button", { name: "Create partner" }).click();
  const card = page.getByTestId(/^partner-delta-deli/);
  await expect(card).toBeVisible();

  // The same name in other letters is refused, with the reason beside the field and the input kept.
  await page.getByLabel("Partner name").fill(name.toUpperCase());
  await page.getByRole("button", { name: "Create partner" }).click();
  await expect(page.getByTestId("error-name")).toContainText("already exists");
  await expect(page.getByLabel("Partner name")).toHaveValue(name.toUpperCase());
  await expect(page.getByTestId(/^partner-delta-deli/)).toHaveCount(1);

  const form = card.getByRole("form", { name: `Add a user to ${name}` });
  await form.getByLabel("Email").fill(email);
  await form.getByLabel("Initial password").fill("delta-password");
  await form.getByRole("button", { name: "Add user" }).click();
  const user = card.getByTestId(`user-${email}`);
  await expect(user).toBeVisible();
  await screenshot(page, "admin-partners");

  await user.getByRole("button", { name: "Deactivate" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Deactivate" }).click();
  await expect(user).toContainText("Deactivated");
  await signOut(page);

  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("delta-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("sign-in-error")).toBeVisible();
});

test("deactivating a partner ends its users' open sessions", async ({ page, browser }) => {
  const partner = world().partnerC;
  const other = await browser.newContext();
  const partnerPage = await other.newPage();
  await signIn(partnerPage, partner.email);

  await signIn(page, world().admin, { to: "/admin/partners" });
  const card = page.getByTestId("partner-gamma-goods");
  await card.getByRole("button", { name: "Deactivate" }).first().click();
  await page
    .getByRole("alertdialog", { name: /Deactivate Gamma Goods/ })
    .getByRole("button", { name: "Deactivate" })
    .click();
  await expect(card.getByText("Deactivated").first()).toBeVisible();

  await partnerPage.goto("/deliveries");
  await expect(partnerPage).toHaveURL(/\/sign-in/);
  await other.close();
});
