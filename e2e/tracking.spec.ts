// The public tracking page is a place recipients can use, on a phone too.
import { expect, test } from "@playwright/test";
import { createDelivery, screenshot, signIn, signOut, world } from "./support";

test.use({ viewport: { width: 390, height: 844 } });

test("a recipient types a code on /track, and an unknown code is answered on the same page", async ({
  page,
  browser,
}) => {
  await signIn(page, world().partnerA.email);
  const delivery = await createDelivery(page);

  const anonymous = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const visitor = await anonymous.newPage();
  await visitor.goto("/track");
  await visitor.getByLabel("Tracking code").fill(delivery.trackingCode.toLowerCase());
  await visitor.getByRole("button", { name: "Track" }).click();
  await expect(visitor).toHaveURL(new RegExp(`/track/${delivery.trackingCode}$`));
  await expect(visitor.getByTestId("tracking-code")).toHaveText(delivery.trackingCode);
  await expect(visitor.getByText(`A delivery from ${world().partnerA.name}`)).toBeVisible();
  await expect(visitor.getByTestId("tracking-contact")).toContainText(world().partnerA.email);
  // The code is on one line.
  expect((await visitor.getByTestId("tracking-code").boundingBox())!.height).toBeLessThan(45);

  const response = await visitor.goto("/track/DLV-NOPE2345");
  expect(response?.status()).toBe(404);
  await expect(visitor.getByRole("heading", { name: "We could not find that delivery" })).toBeVisible();
  await expect(visitor.getByText("Check the code")).toBeVisible();
  await expect(visitor.getByRole("heading", { name: "Sign in" })).toHaveCount(0);
  // The code that was not found stays in the box, to be corrected rather than typed again.
  await expect(visitor.getByLabel("Tracking code")).toHaveValue("DLV-NOPE2345");
  await visitor.getByLabel("Tracking code").fill(delivery.trackingCode);
  await visitor.getByRole("button", { name: "Track" }).click();
  await expect(visitor.getByTestId("tracking-code")).toHaveText(delivery.trackingCode);

  // Without its prefix, in lower case, with a space: still the same delivery, at its one address.
  const body = delivery.trackingCode.slice(4).toLowerCase();
  await visitor.goto("/track");
  await visitor.getByLabel("Tracking code").fill(`${body.slice(0, 4)} ${body.slice(4)}`);
  await visitor.getByRole("button", { name: "Track" }).click();
  await expect(visitor).toHaveURL(new RegExp(`/track/${delivery.trackingCode}$`));
  await expect(visitor.getByTestId("tracking-code")).toHaveText(delivery.trackingCode);
  await visitor.goto(`/track/${body}`);
  await expect(visitor).toHaveURL(new RegExp(`/track/${delivery.trackingCode}$`));
  await anonymous.close();
});

test("a failed delivery tells the recipient what it means, what happens next and whom to ask", async ({
  page,
  browser,
}) => {
  await signIn(page, world().partnerA.email);
  const delivery = await createDelivery(page);
  await signOut(page);
  await signIn(page, world().admin);
  const failed = await page.request.post(`/api/v1/deliveries/${delivery.id}/status`, {
    data: { status: "FAILED", reason: "Nobody was home to sign for it" },
  });
  expect(failed.status()).toBe(200);

  const anonymous = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const visitor = await anonymous.newPage();
  await visitor.goto(`/track/${delivery.trackingCode}`);
  await expect(visitor.getByTestId("status-badge").first()).toHaveText("Failed");
  await expect(visitor.getByTestId("tracking-next-step")).toContainText("could not hand it over");
  // The typed reason is for the partner's records (it often names people or places): not shown here.
  await expect(visitor.getByText("Nobody was home to sign for it")).toHaveCount(0);
  await expect(visitor.getByTestId("tracking-next-step")).toContainText(
    `${world().partnerA.name} will contact you to arrange another delivery`,
  );
  await expect(visitor.getByTestId("tracking-contact")).toContainText(world().partnerA.email);
  expect(await visitor.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await screenshot(visitor, "tracking-failed-phone");
  await anonymous.close();
});
