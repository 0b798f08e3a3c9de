import { expect, test } from "@playwright/test";
import { futureDate, screenshot, signIn, world } from "./support";

test("a partner creates an API key, uses it against the API, then revokes it", async ({ page, playwright }) => {
  await signIn(page, world().partnerA.email);
  await page.getByRole("link", { name: "API keys" }).click();
  await page.getByLabel("Key name").fill("warehouse system");
  await page.getByRole("button", { name: "Create key" }).click();
  const secret = (await page.getByTestId("secret-value").textContent())!;
  expect(secret).toMatch(/^dap_live_/);
  await screenshot(page, "api-keys");

  // A separate client without the browser's cookies: only the key authenticates.
  const api = await playwright.request.newContext({ baseURL: process.env.E2E_BASE_URL });
  const headers = { authorization: `Bearer ${secret}` };
  const created = await api.post("/api/v1/deliveries", {
    headers,
    data: {
      pickupAddress: "Dock 4",
      dropoffAddress: "10 Downing St",
      recipientName: "Larry",
      deliveryDate: futureDate(),
    },
  });
  expect(created.status()).toBe(201);
  expect((await api.get("/api/v1/deliveries", { headers })).status()).toBe(200);

  await page.reload();
  const row = page.getByTestId(`key-${secret.slice(0, 15)}`);
  await expect(row).toContainText("warehouse system");
  await expect(row).not.toContainText("never"); // last used is recorded
  await row.getByRole("button", { name: "Revoke" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Revoke key" }).click();
  await expect(row).toContainText("Revoked");

  expect((await api.get("/api/v1/deliveries", { headers })).status()).toBe(401);
  await api.dispose();
});
