// The new-delivery form when the network fails, when several rules are broken at once, and for an
// admin creating for a partner they pick.
import { expect, test, type Page } from "@playwright/test";
import { futureDate, signIn, uniqueRef, world } from "./support";

async function fillForm(page: Page, ref: string) {
  await page.getByLabel("Pickup address").fill("12 Market St, Springfield");
  await page.getByLabel("Drop-off address").fill("4 Elm Rd, Shelbyville");
  await page.getByLabel("Delivery date").fill(futureDate(3));
  await page.getByLabel("Recipient name").fill("Ada Lovelace");
  await page.getByLabel("Email").fill("ada@example.com");
  await page.getByLabel("Your reference").fill(ref);
}

/** Deliveries with this reference, as the table finds them. */
async function countByReference(page: Page, ref: string) {
  await page.goto(`/deliveries?q=${ref}`);
  // The list streams in after the page loads: wait for the table, or for the empty state.
  const table = page.getByTestId("deliveries-table");
  await expect(table.or(page.getByTestId("deliveries-empty"))).toBeVisible();
  if (!(await table.isVisible())) return 0;
  return (await table.getByRole("row").count()) - 1; // minus the header
}

test("a submit whose answer is lost keeps every value, and its retry makes exactly one delivery", async ({ page }) => {
  await signIn(page, world().partnerA.email);
  await page.goto("/deliveries/new");
  await expect(page).toHaveURL(/key=/);
  const ref = uniqueRef("NET");
  await fillForm(page, ref);

  // The first submission reaches the server (which creates the delivery), its answer never comes back.
  let cut = 0;
  await page.route(/\/deliveries\/new/, async (route) => {
    const request = route.request();
    if (request.method() !== "POST" || !request.headers()["next-action"] || cut > 0) return route.fallback();
    cut++;
    await route.fetch();
    await route.abort("connectionreset");
  });
  await page.getByRole("button", { name: "Submit delivery" }).click();
  const unreachable = page.getByTestId("form-unreachable");
  await expect(unreachable).toContainText("Couldn’t reach the server");
  expect(cut).toBe(1);
  await expect(page.getByLabel("Pickup address")).toHaveValue("12 Market St, Springfield");
  await expect(page.getByLabel("Drop-off address")).toHaveValue("4 Elm Rd, Shelbyville");
  await expect(page.getByLabel("Delivery date")).toHaveValue(futureDate(3));
  await expect(page.getByLabel("Recipient name")).toHaveValue("Ada Lovelace");
  await expect(page.getByLabel("Email")).toHaveValue("ada@example.com");
  await expect(page.getByLabel("Your reference")).toHaveValue(ref);

  await unreachable.getByRole("button", { name: "Retry" }).click();
  // The same idempotency key: the server replays the delivery the lost attempt created.
  await expect(page.getByTestId("tracking-code")).toBeVisible();
  await expect(page).toHaveURL(/notice=duplicate/);
  expect(await countByReference(page, ref)).toBe(1);
});

test("every broken rule is reported at once, the past date among them, and the earliest day is named", async ({
  page,
}) => {
  await signIn(page, world().partnerA.email);
  await page.goto("/deliveries/new");
  const hint = page.locator("#field-deliveryDate-hint");
  await expect(hint).not.toContainText("UTC");
  await expect(hint).toContainText(/\d{4} or later/);
  await page.getByLabel("Delivery date").fill("2001-02-03");
  await page.getByLabel("Email").fill("not-an-email");
  await page.getByRole("button", { name: "Submit delivery" }).click();
  await expect(page.getByTestId("error-pickupAddress")).toHaveText("Required");
  await expect(page.getByTestId("error-recipientEmail")).toHaveText("Not a valid email address");
  await expect(page.getByTestId("error-deliveryDate")).toHaveText("Must be today or later");
});

test("an admin creates a delivery for the partner they pick, with the same form", async ({ page }) => {
  await signIn(page, world().admin);
  await page.getByRole("link", { name: "New delivery" }).first().click();
  const ref = uniqueRef("ADM");
  await fillForm(page, ref);
  await page.getByRole("button", { name: "Submit delivery" }).click();
  await expect(page.getByTestId("partner-error")).toHaveText("Required: the partner this delivery is for");
  await expect(page.getByLabel("Your reference")).toHaveValue(ref);

  await page.getByLabel("Partner").selectOption(world().partnerB.id);
  await page.getByRole("button", { name: "Submit delivery" }).click();
  await expect(page.getByTestId("tracking-code")).toBeVisible();
  await expect(page.getByText(world().partnerB.name).first()).toBeVisible();
  expect(await countByReference(page, ref)).toBe(1);
});
