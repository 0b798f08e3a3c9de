import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { parse } from "csv-parse/sync";
import { createDelivery, futureDate, screenshot, signIn, signOut, uniqueRef, world } from "./support";

test("table filters and sorting live in the URL and survive a reload", async ({ page }) => {
  await signIn(page, world().partnerB.email);
  const tag = uniqueRef("SORT");
  // Three deliveries sharing a searchable reference prefix, with different delivery dates.
  const made = [];
  for (const days of [9, 3, 6])
    made.push(await createDelivery(page, { externalReference: `${tag}-${days}`, deliveryDate: futureDate(days) }));
  const cancelled = made[2];
  await page.request.post(`/api/v1/deliveries/${cancelled.id}/status`, { data: { status: "CANCELLED" } });

  await page.goto("/deliveries");
  await page.getByLabel("Search").fill(tag);
  await page.getByRole("checkbox", { name: "Created" }).check();
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/status=CREATED/);
  const rows = page.getByTestId("deliveries-table").locator("tbody tr");
  await expect(rows).toHaveCount(2);

  // Sort by delivery date, soonest first: the header button changes the URL.
  await page.getByTestId("sort-deliveryDate").click();
  await expect(page).toHaveURL(/sort=deliveryDate\.(asc|desc)/);
  if (!/sort=deliveryDate\.asc/.test(page.url())) await page.getByTestId("sort-deliveryDate").click();
  await expect(page).toHaveURL(/sort=deliveryDate\.asc/);
  await expect(rows.first()).toContainText(`${tag}-3`);
  await expect(rows.last()).toContainText(`${tag}-9`);

  await page.reload();
  await expect(page.getByLabel("Search")).toHaveValue(tag);
  await expect(page.getByRole("checkbox", { name: "Created" })).toBeChecked();
  await expect(page.getByRole("checkbox", { name: "Cancelled" })).not.toBeChecked();
  await expect(page.getByRole("columnheader", { name: /Delivery date/ })).toHaveAttribute("aria-sort", "ascending");
  await expect(rows).toHaveCount(2);
  await expect(rows.first()).toContainText(`${tag}-3`);

  await page.getByTestId("sort-deliveryDate").click();
  await expect(page).toHaveURL(/sort=deliveryDate\.desc/);
  await expect(rows.first()).toContainText(`${tag}-9`);
});

test("the table pages through results with next and previous links", async ({ page }) => {
  await signIn(page, world().partnerB.email);
  const tag = uniqueRef("PAGE");
  for (let i = 0; i < 22; i++)
    await createDelivery(page, { externalReference: `${tag}-${String(i).padStart(2, "0")}` });
  await page.goto(`/deliveries?q=${tag}`);
  const rows = page.getByTestId("deliveries-table").locator("tbody tr");
  await expect(rows).toHaveCount(20);
  await expect(page.getByTestId("pager-total")).toHaveText("· 22 in this view");
  await screenshot(page, "deliveries-table");
  await page.getByRole("link", { name: "Next →" }).click();
  await expect(rows).toHaveCount(2);
  await expect(page.getByRole("link", { name: "Next →" })).toHaveCount(0);
  await page.getByRole("link", { name: "← Previous" }).click();
  await expect(rows).toHaveCount(20);
  await expect(rows.first()).toContainText(`${tag}-21`);
  // Back on the first page (though the URL holds a cursor): no "First page" link.
  await expect(page.getByRole("link", { name: "← First page" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "← Previous" })).toHaveCount(0);

  // Phone width: rows become cards, the filters fold behind one button with their count, the
  // first delivery is on the first screen, and nothing overflows the page.
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(page.getByRole("columnheader", { name: "Recipient" })).toBeHidden();
  await expect(page.getByTestId("filters-toggle")).toBeVisible();
  await expect(page.getByTestId("filters-count")).toHaveText("1 active");
  await expect(page.getByLabel("Search")).toBeHidden();
  const first = rows.first();
  await expect(first).toContainText("Recipient");
  expect((await first.boundingBox())!.y).toBeLessThan(844 - 100);
  // A tracking code stays on one line.
  const code = first.getByRole("link").first();
  expect((await code.boundingBox())!.height).toBeLessThan(30);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await screenshot(page, "deliveries-phone");
  await page.getByTestId("filters-toggle").click();
  await expect(page.getByLabel("Search")).toHaveValue(tag);
});

test("filters apply as they change, and each picked status counts as one active filter", async ({ page }) => {
  await signIn(page, world().partnerB.email);
  await page.goto("/deliveries");
  await page.getByRole("checkbox", { name: "Created" }).check();
  await expect(page).toHaveURL(/status=CREATED/);
  await page.getByRole("checkbox", { name: "Cancelled" }).check();
  await expect(page).toHaveURL(/status=CREATED&status=CANCELLED|status=CANCELLED&status=CREATED/);
  await expect(page.getByRole("checkbox", { name: "Cancelled" })).toBeChecked();
  // Typing applies after a pause, and the cursor stays in the box.
  const search = page.getByLabel("Search");
  await search.pressSequentially("zz-nothing");
  await expect(page).toHaveURL(/q=zz-nothing/);
  await expect(search).toBeFocused();
  await expect(search).toHaveValue("zz-nothing");

  await page.setViewportSize({ width: 390, height: 844 });
  await expect(page.getByTestId("filters-count")).toHaveText("3 active");
});

test("an empty result says so and offers to clear the filters", async ({ page }) => {
  await signIn(page, world().partnerB.email);
  await page.goto(`/deliveries?q=${uniqueRef("NONE")}`);
  await expect(page.getByTestId("deliveries-empty")).toContainText("No deliveries match");
  await page.getByRole("link", { name: "Clear the filters" }).click();
  await expect(page).toHaveURL(/\/deliveries$/);
});

test("an admin narrows the table to one partner, and the choice survives a reload", async ({ page }) => {
  const { partnerA, partnerB, admin } = world();
  await signIn(page, admin);
  await page.goto("/deliveries");
  // Each partner is listed with its slug beside the name.
  await expect(page.getByLabel("Partner").locator("option", { hasText: partnerB.name })).toHaveText(
    /^Beta Books \(beta-books(-\d+)?\)$/,
  );
  // Picking applies the filter: no Apply button to press.
  await page.getByLabel("Partner").selectOption(partnerB.id);
  await expect(page).toHaveURL(new RegExp(`partnerId=${partnerB.id}`));
  const rows = page.getByTestId("deliveries-table").locator("tbody tr");
  await expect(rows.first()).toContainText(partnerB.name);
  for (const row of await rows.all()) await expect(row).not.toContainText(partnerA.name);

  await page.reload();
  await expect(page.getByLabel("Partner")).toHaveValue(partnerB.id);
});

test("an admin exports the filtered, sorted view and the CSV matches the table", async ({ page }) => {
  // Partner A: the admin suite deactivates partner C.
  await signIn(page, world().partnerA.email);
  const tag = uniqueRef("EXPORT");
  for (const days of [5, 2, 8])
    await createDelivery(page, { externalReference: `${tag}-${days}`, deliveryDate: futureDate(days) });
  await signOut(page);

  await signIn(page, world().admin, { to: `/deliveries?q=${tag}&sort=deliveryDate.asc` });
  const rows = page.getByTestId("deliveries-table").locator("tbody tr");
  await expect(rows).toHaveCount(3);
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export CSV" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^deliveries-\d{4}-\d\d-\d\d\.csv$/);
  const csv = parse(readFileSync(await file.path()), { columns: true }) as Record<string, string>[];
  const inTable = await rows.evaluateAll((trs) => trs.map((tr) => tr.textContent ?? ""));
  expect(csv.map((r) => r.externalReference)).toEqual([`${tag}-2`, `${tag}-5`, `${tag}-8`]);
  csv.forEach((r, i) => {
    expect(inTable[i]).toContain(r.trackingCode);
    expect(r.partner).toBe("Alpha Foods");
  });
});

test("a hand-edited page position shows the invalid-view notice in plain words, never an error page", async ({
  page,
}) => {
  await signIn(page, world().partnerB.email);
  const impossibleDay = Buffer.from(
    JSON.stringify(["2026-02-30T00:00:00.000Z", "0b5c1f0e-8d1a-4a53-9a55-3f4a1c2b7e10"]),
  ).toString("base64url");
  for (const cursor of ["not-a-cursor", impossibleDay]) {
    const response = await page.goto(`/deliveries?cursor=${cursor}`);
    expect(response?.status()).toBe(200);
    const notice = page.getByTestId("filters-invalid");
    await expect(notice).toContainText("the page position is not valid");
    await expect(notice).not.toContainText("cursor");
    await expect(page.getByTestId("error-page")).toHaveCount(0);
  }
});
