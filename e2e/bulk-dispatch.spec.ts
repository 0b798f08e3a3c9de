// Dispatch at volume: an admin ticks a view's rows and assigns them at once while the partner, in
// another browser, cancels one of them; the changed row is skipped and named, the others are
// assigned and show their courier. Then the rest are cancelled with one reason.
import AxeBuilder from "@axe-core/playwright";
import { randomUUID } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { createDelivery, signIn, world } from "./support";

const WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

async function noAxeViolations(page: Page) {
  const axe = await new AxeBuilder({ page }).withTags(WCAG_21_AA).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

test("bulk assign skips the row the partner changed meanwhile, then bulk cancel with a reason", async ({
  browser,
  page,
}) => {
  const { partnerA, admin, courier } = world();
  const tag = `BULK-${randomUUID().slice(0, 6).toUpperCase()}`;
  const partner = await (await browser.newContext()).newPage();
  const consoleErrors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") consoleErrors.push(m.text());
  });

  await signIn(partner, partnerA.email);
  const rows = [];
  for (let i = 1; i <= 3; i++) rows.push(await createDelivery(partner, { externalReference: `${tag}-${i}` }));

  // The dispatch queue: this batch, nobody assigned yet; the courier filter shows it.
  await signIn(page, admin, { to: `/deliveries?q=${tag}&assigneeId=none` });
  await expect(page.getByTestId("deliveries-table").getByRole("row")).toHaveCount(4);
  await expect(page.getByLabel("Courier", { exact: true })).toHaveValue("none");
  await expect(page.getByLabel("Courier", { exact: true }).locator("option:checked")).toHaveText("Unassigned");

  await page.getByTestId("select-page").check();
  await expect(page.getByTestId("bulk-count")).toHaveText("3 selected");
  await noAxeViolations(page);

  // Meanwhile the partner cancels one of them.
  const cancelled = rows[1];
  const res = await partner.request.post(`/api/v1/deliveries/${cancelled.id}/status`, {
    data: { status: "CANCELLED" },
  });
  expect(res.status()).toBe(200);

  const courierValue = await page
    .getByLabel("Courier for the selection")
    .locator("option", { hasText: courier.name })
    .getAttribute("value");
  await page.getByLabel("Courier for the selection").selectOption(courierValue!);
  await page.getByTestId("bulk-assign").click();
  const outcome = page.getByTestId("bulk-outcome");
  await expect(outcome).toContainText("Assigned 2 of 3. Skipped 1, left as they were:");
  await expect(outcome.getByTestId("bulk-skipped")).toHaveText(
    `${cancelled.trackingCode} — changed since this page was loaded (now cancelled)`,
  );
  // The skipped row stays selected; the queue no longer lists the assigned ones.
  await expect(page.getByTestId("bulk-count")).toHaveText("1 selected");
  await expect(page.getByTestId("deliveries-table").getByRole("row")).toHaveCount(2);

  // The whole batch, with the courier column.
  await page.goto(`/deliveries?q=${tag}`);
  for (const d of [rows[0], rows[2]]) {
    const row = page.getByRole("row").filter({ hasText: d.trackingCode });
    await expect(row.getByRole("cell").filter({ hasText: courier.name })).toHaveCount(1);
    await expect(row.getByTestId("status-badge")).toHaveText("Assigned");
  }

  // Cancel them all with one reason: the already-cancelled one is skipped, not cancelled twice.
  await page.getByTestId("select-page").check();
  await page.getByTestId("bulk-cancel").click();
  const dialog = page.getByTestId("bulk-cancel-dialog");
  await dialog.getByRole("button", { name: "Cancel them" }).click();
  await expect(dialog.getByText("Required")).toBeVisible();
  await dialog.getByLabel("Reason").fill("Depot closed for the storm");
  await dialog.getByRole("button", { name: "Cancel them" }).click();
  await expect(dialog).toBeHidden();
  await expect(outcome).toContainText("Cancelled 2 of 3. Skipped 1");
  await expect(outcome.getByTestId("bulk-skipped")).toHaveText(
    `${cancelled.trackingCode} — not possible: it is cancelled`,
  );
  await expect(page.getByTestId("deliveries-table").getByTestId("status-badge")).toHaveText([
    "Cancelled",
    "Cancelled",
    "Cancelled",
  ]);

  // At phone width the bar and the ticked cards fit and pass axe.
  await page.setViewportSize({ width: 360, height: 800 });
  await page.getByTestId(`select-${rows[0].trackingCode}`).check();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await noAxeViolations(page);
  expect(consoleErrors).toEqual([]);
});
