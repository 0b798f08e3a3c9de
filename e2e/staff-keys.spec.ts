import { expect, test } from "@playwright/test";
import { signIn, world } from "./support";

test("an admin makes a courier key on the staff keys page, it acts as the courier, then is revoked", async ({
  page,
  playwright,
}) => {
  await signIn(page, world().admin);
  await page.getByRole("link", { name: "Staff keys" }).click();
  await page.getByLabel("Acts as").selectOption("COURIER");
  await page.getByLabel("Courier", { exact: true }).selectOption(world().courier.email);
  await page.getByLabel("Key name").fill("courier phone");
  await page.getByRole("button", { name: "Create key" }).click();
  const secret = (await page.getByTestId("secret-value").textContent())!;
  expect(secret).toMatch(/^dap_live_/);

  // Without the browser's cookies: the key alone is the courier (their list, not dispatch).
  const api = await playwright.request.newContext({ baseURL: process.env.E2E_BASE_URL });
  const headers = { authorization: `Bearer ${secret}` };
  expect((await api.get("/api/v1/deliveries", { headers })).status()).toBe(200);
  expect((await api.get("/api/v1/couriers", { headers })).status()).toBe(404);

  await page.reload();
  const row = page.getByTestId(`key-${secret.slice(0, 15)}`);
  await expect(row).toContainText("courier phone");
  await expect(row).toContainText(`Courier ${world().courier.name}`);
  await expect(row).not.toContainText("never"); // last used is recorded
  await row.getByRole("button", { name: "Revoke" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Revoke key" }).click();
  await expect(row).toContainText("Revoked");
  expect((await api.get("/api/v1/deliveries", { headers })).status()).toBe(401);
  await api.dispose();
});
