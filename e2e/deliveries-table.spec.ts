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
  await screenshot(page, "deliveries-table");
  await page.getByRole("link", { name: "Next →" }).click();
  await expect(rows).toHaveCount(2);
  await expect(page.getByRole("link", { name: "Next →" })).toHaveCount(0);
  await page.getByRole("link", { name: "← Previous" }).click();
  await expect(rows).toHaveCount(20);
  await expect(rows.first()).toContainText(`${tag}-21`);

  // Phone width: the essentials stay, secondary columns step aside, nothing overflows the page.
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(page.getByRole("columnheader", { name: "Drop-off" })).toBeHidden();
  await expect(page.getByRole("columnheader", { name: "Recipient" })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await screenshot(page, "deliveries-phone");
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
  await page.getByLabel("Partner").selectOption({ label: partnerB.name });
  await page.getByRole("button", { name: "Apply filters" }).click();
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
