import { expect, test, type Page } from "@playwright/test";
import { futureDate, screenshot, signIn, uniqueRef, world } from "./support";

async function fillForm(page: Page, ref: string) {
  await page.getByLabel("Pickup address").fill("12 Market St, Springfield");
  await page.getByLabel("Drop-off address").fill("4 Elm Rd, Shelbyville");
  await page.getByLabel("Delivery date").fill(futureDate(3));
  await page.getByLabel("Recipient name").fill("Ada Lovelace");
  await page.getByLabel("Email").fill("ada@example.com");
  await page.getByLabel("Your reference").fill(ref);
}

async function searchTable(page: Page, text: string) {
  await page.goto("/deliveries");
  await page.getByLabel("Search").fill(text);
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(new RegExp(`q=${text}`));
}

test.describe("submitting a delivery", () => {
  test("a partner submits a delivery and finds it in the table by search", async ({ page }) => {
    await signIn(page, world().partnerA.email);
    await page.getByRole("link", { name: "New delivery" }).first().click();
    await expect(page.getByRole("heading", { name: "New delivery" })).toBeVisible();

    // Inline errors first: nothing filled in.
    await page.getByRole("button", { name: "Submit delivery" }).click();
    await expect(page.getByTestId("form-errors")).toBeVisible();
    await expect(page.getByTestId("error-pickupAddress")).toHaveText("Required");
    await expect(page.getByLabel("Pickup address")).toBeFocused();
    await screenshot(page, "new-delivery-errors");

    const ref = uniqueRef();
    await fillForm(page, ref);
    await page.getByRole("button", { name: "Submit delivery" }).click();
    await expect(page.getByTestId("notice-created")).toBeVisible();
    const code = (await page.getByTestId("tracking-code").textContent())!;
    await screenshot(page, "delivery-detail-partner");

    await searchTable(page, ref);
    const table = page.getByTestId("deliveries-table");
    await expect(table.getByRole("row")).toHaveCount(2); // header + our delivery
    await expect(table.getByRole("link", { name: code })).toBeVisible();
  });

  test("a double-clicked submit creates one delivery", async ({ page }) => {
    await signIn(page, world().partnerA.email);
    await page.goto("/deliveries/new");
    const ref = uniqueRef("DBL");
    await fillForm(page, ref);
    await page.getByRole("button", { name: "Submit delivery" }).dblclick();
    await expect(page.getByTestId("tracking-code")).toBeVisible();

    await searchTable(page, ref);
    await expect(page.getByTestId("deliveries-table").getByRole("row")).toHaveCount(2);
  });

  test("a weight written with a decimal comma is accepted", async ({ page }) => {
    await signIn(page, world().partnerA.email);
    await page.goto("/deliveries/new");
    await fillForm(page, uniqueRef("KG"));
    await page.getByLabel("Weight (kg)").fill("2,5");
    await page.getByRole("button", { name: "Submit delivery" }).click();
    await expect(page.getByTestId("notice-created")).toBeVisible();
    await expect(page.getByText("2.5 kg")).toBeVisible();
  });

  test("the form can be filled in and submitted with the keyboard alone", async ({ page }) => {
    await signIn(page, world().partnerA.email);
    await page.goto("/deliveries/new");
    const ref = uniqueRef("KEY");
    await page.getByLabel("Pickup address").focus();
    await page.keyboard.type("7 Harbour Way, Springfield");
    await page.keyboard.press("Tab");
    await page.keyboard.type("9 Station Ave, Shelbyville");
    await page.keyboard.press("Tab");
    // Chromium's date field in en-US takes month, day and year as typed digits.
    const [y, m, d] = futureDate(5).split("-");
    await page.keyboard.type(`${m}${d}${y}`);
    await expect(page.getByLabel("Delivery date")).toHaveValue(futureDate(5));
    // Tab also steps through the date's own month/day/year parts before leaving the field.
    const recipient = page.getByLabel("Recipient name");
    for (let i = 0; i < 4 && !(await recipient.evaluate((el) => el === document.activeElement)); i++)
      await page.keyboard.press("Tab");
    await expect(recipient).toBeFocused();
    await page.keyboard.type("Grace Hopper");
    for (const field of ["Phone", "Email", "Product", "Weight (kg)", "Your reference"]) {
      await page.keyboard.press("Tab");
      await expect(page.getByLabel(field)).toBeFocused();
    }
    await page.keyboard.type(ref);
    await page.keyboard.press("Enter");
    await expect(page.getByTestId("notice-created")).toBeVisible();
    await expect(page.getByText(ref)).toBeVisible();
  });
});
