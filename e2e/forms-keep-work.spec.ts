// Forms never lose work, and dialogs keep their errors to themselves.
import { expect, test, type Page } from "@playwright/test";
import {
  createDelivery,
  futureDate,
  signIn,
  signInAgain,
  signOut,
  signOutElsewhere,
  uniqueRef,
  world,
} from "./support";

async function fillForm(page: Page, ref: string) {
  await page.getByLabel("Pickup address").fill("12 Market St, Springfield");
  await page.getByLabel("Drop-off address").fill("4 Elm Rd, Shelbyville");
  await page.getByLabel("Delivery date").fill(futureDate(3));
  await page.getByLabel("Recipient name").fill("Ada Lovelace");
  await page.getByLabel("Your reference").fill(ref);
}

const toast = (page: Page) => page.locator("[data-sonner-toast]");

test("Back after a submission, then the next delivery, creates a second delivery; a double click one", async ({
  page,
}) => {
  await signIn(page, world().partnerA.email);
  await page.goto("/deliveries/new");
  await fillForm(page, uniqueRef("ONE"));
  await page.getByRole("button", { name: "Submit delivery" }).dblclick();
  await expect(page.getByTestId("notice-created")).toBeVisible();
  const first = page.url().split("?")[0];

  await page.goBack();
  await expect(page.getByRole("heading", { name: "New delivery" })).toBeVisible();
  await fillForm(page, uniqueRef("TWO"));
  await page.getByRole("button", { name: "Submit delivery" }).click();
  await expect(page.getByTestId("notice-created")).toBeVisible();
  expect(page.url().split("?")[0]).not.toBe(first);
});

test("a session ended in another tab sends the new-delivery form through sign-in and back, values kept", async ({
  page,
}) => {
  await signIn(page, world().partnerA.email);
  await page.goto("/deliveries/new");
  const ref = uniqueRef("EXP");
  await fillForm(page, ref);
  await page.getByLabel("Notes").fill("Ring twice");
  const formUrl = page.url();
  await signOutElsewhere(page);

  await page.getByRole("button", { name: "Submit delivery" }).click();
  await signInAgain(page, world().partnerA.email);
  await expect(page).toHaveURL(formUrl);
  await expect(page.getByLabel("Your reference")).toHaveValue(ref);
  await expect(page.getByLabel("Notes")).toHaveValue("Ring twice");
  await expect(page.getByText("Something went wrong")).toHaveCount(0);
  await page.getByRole("button", { name: "Submit delivery" }).click();
  await expect(page.getByTestId("notice-created")).toBeVisible();
  await expect(page.getByText(ref)).toBeVisible();
});

test("a session ended in another tab sends an action dialog through sign-in and back, reason kept", async ({
  page,
}) => {
  await signIn(page, world().partnerA.email);
  const delivery = await createDelivery(page);
  await page.goto(`/deliveries/${delivery.id}`);
  await page.getByTestId("action-CANCELLED").click();
  const dialog = page.getByRole("alertdialog", { name: "Cancel delivery?" });
  await dialog.getByLabel(/Reason/).fill("Customer changed their mind");
  await signOutElsewhere(page);

  await dialog.getByRole("button", { name: "Confirm" }).click();
  await signInAgain(page, world().partnerA.email);
  const again = page.getByRole("alertdialog", { name: "Cancel delivery?" });
  await expect(again.getByLabel(/Reason/)).toHaveValue("Customer changed their mind");
  await again.getByRole("button", { name: "Confirm" }).click();
  await expect(page.getByTestId("status-badge").first()).toHaveText("Cancelled");
  await expect(page.getByTestId("timeline-entry").last()).toContainText("Customer changed their mind");
});

test("status dialogs refuse a blank reason inline, keep errors to themselves and speak the UI's words", async ({
  page,
}) => {
  await signIn(page, world().partnerA.email);
  const delivery = await createDelivery(page);
  await signOut(page);
  await signIn(page, world().admin, { to: `/deliveries/${delivery.id}` });

  await page.getByTestId("action-FAILED").click();
  const failed = page.getByRole("alertdialog", { name: "Mark failed?" });
  await failed.getByLabel(/Reason/).fill("    ");
  await failed.getByRole("button", { name: "Confirm" }).click();
  await expect(failed).toBeVisible();
  await expect(failed.getByTestId("error-reason-FAILED")).toHaveText(/Write a reason/);
  await expect(failed.getByLabel(/Reason/)).toBeFocused();
  await failed.getByRole("button", { name: "Keep as is" }).click();

  await page.getByTestId("action-CANCELLED").click();
  const cancel = page.getByRole("alertdialog", { name: "Cancel delivery?" });
  await expect(cancel.getByText(/Write a reason/)).toHaveCount(0);
  await cancel.getByRole("button", { name: "Keep as is" }).click();

  await page.getByTestId("action-FAILED").click();
  await failed.getByLabel(/Reason/).fill("Address does not exist");
  await failed.getByRole("button", { name: "Confirm" }).click();
  await expect(failed).toHaveCount(0);
  await expect(toast(page).first()).toContainText(`${delivery.trackingCode} is now failed`);
  await expect(toast(page).first()).not.toContainText("FAILED");
});

test("a status dialog keeps its reason when the connection drops, and Retry makes the move once", async ({ page }) => {
  await signIn(page, world().partnerA.email);
  const delivery = await createDelivery(page);
  await signOut(page);
  await signIn(page, world().admin, { to: `/deliveries/${delivery.id}` });

  // The server action's request never leaves the browser.
  const offline = (route: import("@playwright/test").Route) =>
    route.request().method() === "POST" && route.request().headers()["next-action"]
      ? route.abort("internetdisconnected")
      : route.fallback();
  await page.route(/\/deliveries\//, offline);
  await page.getByTestId("action-FAILED").click();
  const failed = page.getByRole("alertdialog", { name: "Mark failed?" });
  await failed.getByLabel(/Reason/).fill("Gate locked, no answer on the phone");
  await failed.getByRole("button", { name: "Confirm" }).click();
  const unreachable = failed.getByTestId("action-FAILED-unreachable");
  await expect(unreachable).toContainText("Couldn’t reach the server");
  await expect(failed.getByLabel(/Reason/)).toHaveValue("Gate locked, no answer on the phone");
  await expect(page.getByText("Something went wrong")).toHaveCount(0);

  await page.unroute(/\/deliveries\//, offline);
  await unreachable.getByRole("button", { name: "Retry" }).click();
  await expect(failed).toHaveCount(0);
  await expect(page.getByTestId("status-badge").first()).toHaveText("Failed");
  await expect(page.getByTestId("timeline-entry").filter({ hasText: "Gate locked" })).toHaveCount(1);
});

test("each new API key gets its own Copy button state", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await signIn(page, world().partnerB.email);
  await page.goto("/settings/api-keys");
  await page.getByLabel("Key name").fill("first system");
  await page.getByRole("button", { name: "Create key" }).click();
  const first = (await page.getByTestId("secret-value").textContent())!;
  await page.getByTestId("copy-secret").click();
  await expect(page.getByTestId("copy-secret")).toHaveText("Copied");
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(first);

  await page.getByLabel("Key name").fill("second system");
  await page.getByRole("button", { name: "Create key" }).click();
  await expect(page.getByTestId("secret-value")).not.toHaveText(first);
  await expect(page.getByTestId("copy-secret")).toHaveText("Copy");
  await page.getByTestId("copy-secret").click();
  const second = (await page.getByTestId("secret-value").textContent())!;
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(second);
});
