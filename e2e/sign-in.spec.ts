import { expect, test } from "@playwright/test";
import { screenshot, signIn, signOut, world } from "./support";

test.describe("signing in and out", () => {
  test("a wrong password shows a clear error and keeps the email", async ({ page }) => {
    await page.goto("/sign-in");
    await screenshot(page, "sign-in");
    await page.getByLabel("Email").fill(world().partnerA.email);
    await page.getByLabel("Password").fill("not-the-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByTestId("sign-in-error")).toHaveText(/Wrong email or password/);
    await expect(page.getByLabel("Email")).toHaveValue(world().partnerA.email);
  });

  test("a signed-out visit to a private page signs in and returns there, and sign-out ends the session", async ({
    page,
  }) => {
    await page.goto("/deliveries?status=CREATED");
    await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fdeliveries%3Fstatus%3DCREATED/);
    await page.getByLabel("Email").fill(world().partnerA.email);
    await page.getByLabel("Password").fill(world().password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/deliveries\?status=CREATED$/);
    await expect(page.getByTestId("signed-in-org")).toHaveText(world().partnerA.name);

    await signOut(page);
    await page.goto("/deliveries");
    await expect(page).toHaveURL(/\/sign-in/);
  });

  test("a partner opening an admin page gets the 404 page, with HTTP status 404", async ({ page }) => {
    await signIn(page, world().partnerA.email);
    await expect(page.getByRole("link", { name: "Partners" })).toHaveCount(0);
    for (const path of ["/admin", "/admin/partners", "/admin/emails", `/deliveries/${crypto.randomUUID()}`]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(404);
      await expect(page.getByTestId("not-found")).toBeVisible();
      await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
    }
  });
});
