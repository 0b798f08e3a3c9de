import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import { futureDate, screenshot, signIn, signInAgain, signOutElsewhere, uniqueRef, world } from "./support";

async function chooseFile(page: Page, name: string, rows: string[][]) {
  await page.getByLabel("CSV file").setInputFiles({ name, mimeType: "text/csv", buffer: Buffer.from(stringify(rows)) });
  await page.getByRole("button", { name: "Check file" }).click();
  await expect(page).toHaveURL(/\/deliveries\/import\/[0-9a-f-]{36}$/);
}

test("a partner imports a day's deliveries from the template, fixing a bad row on the way", async ({ page }) => {
  await signIn(page, world().partnerB.email);
  await page.goto("/deliveries");
  await page.getByRole("link", { name: "Import CSV" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Import deliveries" })).toBeVisible();

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download template" }).click();
  const [columns, example] = parse(readFileSync(await (await download).path())) as string[][];
  expect(columns).toEqual(expect.arrayContaining(["recipientName", "deliveryDate", "externalReference"]));

  const tag = uniqueRef("IMP");
  const row = (n: number, date = futureDate(4)) =>
    columns.map((c, i) =>
      c === "externalReference"
        ? `${tag}-${n}`
        : c === "recipientName"
          ? `Recipient ${n}`
          : c === "deliveryDate"
            ? date
            : example[i],
    );
  // Row 3 of the file (the second delivery) has a date the way people type it.
  await chooseFile(page, "monday.csv", [columns, row(1), row(2, "31/12/2030"), row(3)]);
  await expect(page.getByTestId("valid-rows")).toHaveText("2");
  await expect(page.getByTestId("invalid-rows")).toHaveText("1");
  const error = page.getByTestId("import-errors").locator("tbody tr");
  await expect(error).toHaveCount(1);
  await expect(error).toContainText("3");
  await expect(error).toContainText("deliveryDate");
  await expect(error).toContainText("YYYY-MM-DD");

  // Fixed and uploaded again: every row valid now; nothing was created by the first upload.
  await page.getByRole("link", { name: "Upload a corrected file" }).click();
  await chooseFile(page, "monday-fixed.csv", [columns, row(1), row(2), row(3)]);
  await expect(page.getByTestId("invalid-rows")).toHaveText("0");
  await page.getByRole("button", { name: "Create 3 deliveries" }).click();
  await expect(page.getByTestId("import-progress")).toHaveAttribute("data-percent", "100", { timeout: 60_000 });
  await expect(page.getByTestId("created-rows")).toHaveText("3");
  await expect(page.getByTestId("existed-rows")).toHaveText("0");
  await screenshot(page, "import-summary");

  await page.getByRole("link", { name: "View deliveries" }).click();
  await page.getByLabel("Search").fill(tag);
  await page.getByRole("button", { name: "Apply filters" }).click();
  const rows = page.getByTestId("deliveries-table").locator("tbody tr");
  await expect(rows).toHaveCount(3);
  for (const n of [1, 2, 3]) await expect(rows.filter({ hasText: `${tag}-${n}` })).toHaveCount(1);

  // The import list shows it, with what it created.
  await page.goto("/deliveries/import");
  const past = page.getByTestId("imports-table").locator("tbody tr", { hasText: "monday-fixed.csv" });
  await expect(past).toContainText("Finished");
  await expect(page.getByTestId("imports-table").locator("tbody tr", { hasText: "monday.csv" }).first()).toContainText(
    "Checked, waiting for confirmation",
  );
});

test("an admin imports for the partner they choose", async ({ page }) => {
  await signIn(page, world().admin);
  await page.goto("/deliveries/import");
  const tag = uniqueRef("ADM");
  const columns = ["pickupAddress", "dropoffAddress", "recipientName", "deliveryDate", "externalReference"];
  await page.getByLabel("Partner").selectOption(world().partnerA.id);
  await chooseFile(page, "for-alpha.csv", [columns, ["1 Depot Rd", "2 Main St", "Ada", futureDate(5), tag]]);
  await expect(page.getByText(`for ${world().partnerA.name}`)).toBeVisible();
  await page.getByRole("button", { name: "Create 1 delivery" }).click();
  await expect(page.getByTestId("created-rows")).toHaveText("1", { timeout: 60_000 });
});

test("an upload after the session ended signs in again and comes back with the partner still chosen", async ({
  page,
}) => {
  await signIn(page, world().admin);
  await page.goto("/deliveries/import");
  await page.getByLabel("Partner").selectOption(world().partnerA.id);
  const columns = ["pickupAddress", "dropoffAddress", "recipientName", "deliveryDate", "externalReference"];
  const rows = [columns, ["1 Depot Rd", "2 Main St", "Ada", futureDate(5), uniqueRef("EXP")]];
  await page
    .getByLabel("CSV file")
    .setInputFiles({ name: "late.csv", mimeType: "text/csv", buffer: Buffer.from(stringify(rows)) });
  await signOutElsewhere(page);

  await page.getByRole("button", { name: "Check file" }).click();
  await signInAgain(page, world().admin);
  await expect(page).toHaveURL(/\/deliveries\/import$/);
  await expect(page.getByLabel("Partner")).toHaveValue(world().partnerA.id);
  await expect(page.getByTestId("upload-error")).toHaveCount(0);
  await chooseFile(page, "late.csv", rows);
  await expect(page.getByText(`for ${world().partnerA.name}`)).toBeVisible();
});

test("an upload that never reaches the server says so and leaves the form as it was", async ({ page }) => {
  await signIn(page, world().partnerB.email);
  await page.goto("/deliveries/import");
  await page.route("**/api/v1/imports", (route) => route.abort("internetdisconnected"));
  await page
    .getByLabel("CSV file")
    .setInputFiles({ name: "offline.csv", mimeType: "text/csv", buffer: Buffer.from("a,b\n1,2\n") });
  await page.getByRole("button", { name: "Check file" }).click();
  await expect(page.getByTestId("upload-error")).toHaveText(/did not reach the server/);
  await expect(page).toHaveURL(/\/deliveries\/import$/);
  await expect(page.getByRole("button", { name: "Check file" })).toBeEnabled();
});
