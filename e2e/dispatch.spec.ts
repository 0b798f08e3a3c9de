// Dispatch at phone width: an admin sets a partner's proof and assigns a delivery, the
// courier signs in, starts it with one tap and completes it with a signature and a photo; the
// partner sees the proof on the delivery page and was notified along the way.
import { expect, test } from "@playwright/test";
import sharp from "sharp";
import { createDelivery, screenshot, signIn, signInAgain, signOut, signOutElsewhere, world } from "./support";

test.use({ viewport: { width: 390, height: 844 } });

/** The courier's option in the assign control (its label also shows their current load). */
async function chooseCourier(panel: import("@playwright/test").Locator, name: string) {
  const select = panel.getByLabel("Courier");
  const value = await select.locator("option", { hasText: name }).getAttribute("value");
  await select.selectOption(value!);
}

/** A delivery of partner A that dispatch assigned to the courier; signed out afterwards. */
async function assignedToCourier(page: import("@playwright/test").Page, fields: Record<string, unknown> = {}) {
  const { partnerA, courier, admin } = world();
  await signIn(page, partnerA.email);
  const delivery = await createDelivery(page, fields);
  await signOut(page);
  await signIn(page, admin, { to: `/deliveries/${delivery.id}` });
  await chooseCourier(page.getByTestId("assign-panel"), courier.name);
  await page.getByTestId("assign-panel").getByRole("button", { name: "Assign" }).click();
  await expect(page.getByTestId("status-badge").first()).toHaveText("Assigned");
  await signOut(page);
  return delivery;
}

const fitsTheScreen = async (page: import("@playwright/test").Page) =>
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

test("assign, start, complete with signature and photo; the partner sees the proof", async ({ page }) => {
  const { partnerD, courier, admin } = world();

  // Dispatch: Delta's couriers bring back a signature.
  await signIn(page, admin, { to: "/admin/partners" });
  const proofForm = page.getByRole("form", { name: `Proof of delivery for ${partnerD.name}` });
  await proofForm.getByLabel("Proof of delivery").selectOption("SIGNATURE");
  await proofForm.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText(`${partnerD.name} now asks for proof of delivery: signature.`)).toBeVisible();
  // The select shows what was saved, not the value it had when the page loaded.
  await expect(proofForm.getByLabel("Proof of delivery")).toHaveValue("SIGNATURE");
  await signOut(page);

  await signIn(page, partnerD.email);
  const delivery = await createDelivery(page, { deliveryDate: new Date().toISOString().slice(0, 10) });
  await signOut(page);

  // Dispatch assigns it from the delivery page.
  await signIn(page, admin, { to: `/deliveries/${delivery.id}` });
  const assign = page.getByTestId("assign-panel");
  await chooseCourier(assign, courier.name);
  await assign.getByRole("button", { name: "Assign" }).click();
  await expect(page.getByTestId("status-badge").first()).toHaveText("Assigned");
  await expect(page.getByText(courier.name, { exact: true })).toBeVisible();
  await signOut(page);

  // The courier's phone: their home is "My deliveries", today's first.
  await signIn(page, courier.email, { to: "/" });
  await expect(page.getByRole("heading", { name: "My deliveries" })).toBeVisible();
  const card = page.getByTestId(`my-delivery-${delivery.trackingCode}`);
  await expect(card).toBeVisible();
  await fitsTheScreen(page);
  await screenshot(page, "courier-phone");
  await card.getByRole("button", { name: `Start delivery ${delivery.trackingCode}` }).click();
  await expect(card.getByTestId("status-badge")).toHaveText("In transit");
  await card.getByRole("link", { name: `Complete or fail delivery ${delivery.trackingCode}` }).click();

  // One screen: sign, photograph, deliver.
  await expect(page.getByRole("heading", { name: "Delivered", exact: true })).toBeVisible();
  await expect(page.getByText("Ask the recipient to sign below.")).toBeVisible();
  const pad = page.getByTestId("signature-pad");
  await pad.scrollIntoViewIfNeeded();
  const box = (await pad.boundingBox())!;
  await page.mouse.move(box.x + 20, box.y + box.height / 2);
  await page.mouse.down();
  for (let i = 1; i <= 12; i++) {
    await page.mouse.move(box.x + 20 + i * 22, box.y + box.height / 2 + (i % 2 ? -25 : 25), { steps: 3 });
  }
  await page.mouse.up();
  const photo = await sharp({ create: { width: 3000, height: 2000, channels: 3, background: "#c0803f" } })
    .jpeg()
    .withExif({ IFD3: { GPSLatitudeRef: "N", GPSLatitude: "51/1 30/1 0/1" } })
    .toBuffer();
  await expect(page.getByRole("link", { name: "Navigate" })).toHaveAttribute(
    "href",
    `https://www.google.com/maps/dir/?api=1&destination=${encodeURIComponent("221B Baker Street, London")}`,
  );
  await expect(page.getByTestId("take-photo")).toHaveText("Take a photo");
  await page.getByLabel(/^Photo/).setInputFiles({ name: "parcel.jpg", mimeType: "image/jpeg", buffer: photo });
  await expect(page.getByTestId("photo-preview")).toBeVisible();
  await expect(page.getByTestId("take-photo")).toHaveText("Retake photo");
  await fitsTheScreen(page);
  await screenshot(page, "courier-finish-phone");
  await page.getByRole("button", { name: "Mark delivered" }).click();
  await expect(page.getByTestId("courier-done")).toHaveText(`${delivery.trackingCode} is delivered.`);
  await expect(page.getByTestId(`my-delivery-${delivery.trackingCode}`)).toHaveCount(0);
  await signOut(page);

  // The partner: the proof on the delivery page, and the notifications on the way.
  await signIn(page, partnerD.email, { to: `/deliveries/${delivery.id}` });
  await expect(page.getByTestId("status-badge").first()).toHaveText("Delivered");
  const history = page.getByTestId("timeline-entry");
  await expect(history.nth(1)).toContainText(`Assigned to ${courier.name}`);
  await expect(history.nth(3)).toHaveAttribute("data-status", "COMPLETED");
  // The partner reads who delivered it: the courier by name, not "platform staff".
  await expect(history.nth(3)).toContainText(`${courier.name} (courier)`);
  await expect(history.nth(3)).not.toContainText("Delivery platform staff");
  const proof = page.getByTestId("proof-on-file");
  for (const kind of ["signature", "photo"]) {
    const image = proof.getByTestId(`proof-${kind}`);
    await expect(image).toBeVisible();
    await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
  }
  await fitsTheScreen(page);
  await screenshot(page, "delivery-proof");
  await page.goto("/notifications");
  const list = page.getByTestId("notifications");
  await expect(list).toContainText(`Delivery ${delivery.trackingCode} is assigned to ${courier.name}`, {
    timeout: 20_000,
  });
  await expect(list).toContainText(`Delivery ${delivery.trackingCode} is now delivered`, { timeout: 20_000 });

  // The public page says so, without showing it.
  await page.goto(`/track/${delivery.trackingCode}`);
  await expect(page.getByTestId("proof-on-file")).toHaveText("Delivered, proof on file.");
});

test("a courier fails a delivery with a reason, with the keyboard alone", async ({ page }) => {
  const { courier } = world();
  const delivery = await assignedToCourier(page);

  await signIn(page, courier.email, { to: `/courier/${delivery.id}` });
  await page.getByRole("button", { name: `Start delivery ${delivery.trackingCode}` }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "Not delivered" })).toBeVisible();
  await page.getByRole("radio", { name: "Nobody at the address" }).focus();
  await page.keyboard.press("Space");
  await expect(page.getByLabel(/^Reason/)).toHaveValue("Nobody at the address");
  await page.getByRole("button", { name: "Mark not delivered" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("courier-done")).toHaveText(`${delivery.trackingCode} is marked not delivered.`);
});

test("a courier's not-delivered reason survives a dropped connection, and Retry sends it", async ({ page }) => {
  const { courier } = world();
  const delivery = await assignedToCourier(page, { recipientPhone: "+49 30 1234 567" });

  await signIn(page, courier.email, { to: `/courier/${delivery.id}` });
  // At the door: one tap calls the recipient.
  await expect(page.getByTestId("call-recipient")).toHaveAttribute("href", "tel:+49301234567");
  await page.getByRole("button", { name: `Start delivery ${delivery.trackingCode}` }).click();
  await expect(page.getByRole("heading", { name: "Not delivered" })).toBeVisible();
  const offline = (route: import("@playwright/test").Route) =>
    route.request().method() === "POST" && route.request().headers()["next-action"]
      ? route.abort("internetdisconnected")
      : route.fallback();
  await page.route(/\/courier\//, offline);
  await page.getByLabel(/^Reason/).fill("Dog in the garden, could not reach the door");
  await page.getByRole("button", { name: "Mark not delivered" }).click();
  const unreachable = page.getByTestId("fail-unreachable");
  await expect(unreachable).toContainText("Couldn’t reach the server");
  await expect(page.getByLabel(/^Reason/)).toHaveValue("Dog in the garden, could not reach the door");
  await expect(page.getByText("Something went wrong")).toHaveCount(0);

  await page.unroute(/\/courier\//, offline);
  await unreachable.getByRole("button", { name: "Retry" }).click();
  await expect(page.getByTestId("courier-done")).toHaveText(`${delivery.trackingCode} is marked not delivered.`);
});

test("a courier's proof upload says when it never reached the server, and survives an ended session", async ({
  page,
}) => {
  const { courier } = world();
  const delivery = await assignedToCourier(page, { deliveryDate: new Date().toISOString().slice(0, 10) });

  await signIn(page, courier.email, { to: "/courier" });
  const card = page.getByTestId(`my-delivery-${delivery.trackingCode}`);
  await card.getByRole("button", { name: `Start delivery ${delivery.trackingCode}` }).click();
  await expect(card.getByTestId("status-badge")).toHaveText("In transit");
  await card.getByRole("link", { name: `Complete or fail delivery ${delivery.trackingCode}` }).click();
  const finishUrl = new RegExp(`/courier/${delivery.id}$`);
  await expect(page).toHaveURL(finishUrl);
  const photo = await sharp({ create: { width: 400, height: 300, channels: 3, background: "#3f80c0" } })
    .jpeg()
    .toBuffer();
  const choosePhoto = () =>
    page.getByLabel(/^Photo/).setInputFiles({ name: "parcel.jpg", mimeType: "image/jpeg", buffer: photo });

  // A file the phone cannot read as a picture: refused at once, in plain words.
  await page
    .getByLabel(/^Photo/)
    .setInputFiles({ name: "parcel.jpg", mimeType: "image/jpeg", buffer: Buffer.from("not a picture") });
  await expect(page.locator("#finish-status")).toHaveText(/That file is not a photo this phone can read/);
  await expect(page.locator("#finish-status")).not.toContainText("could not be decoded");
  await expect(page.getByTestId("photo-preview")).toHaveCount(0);

  // Offline for a moment: the one network message, and the courier can try again.
  await page.route("**/api/v1/deliveries/*/proof/photo", (route) => route.abort("internetdisconnected"));
  await choosePhoto();
  await page.getByRole("button", { name: "Mark delivered" }).click();
  await expect(page.getByTestId("finish-unreachable")).toContainText("Couldn’t reach the server");
  await expect(page.getByRole("button", { name: "Mark delivered" })).toBeEnabled();
  await page.unroute("**/api/v1/deliveries/*/proof/photo");

  // Signed out elsewhere: through sign-in and back to the same screen, nothing delivered yet.
  await signOutElsewhere(page);
  await page.getByRole("button", { name: "Mark delivered" }).click();
  await signInAgain(page, courier.email);
  await expect(page).toHaveURL(finishUrl);
  await expect(page.getByRole("heading", { name: "Delivered", exact: true })).toBeVisible();
  await choosePhoto();
  await page.getByRole("button", { name: "Mark delivered" }).click();
  await expect(page.getByTestId("courier-done")).toHaveText(`${delivery.trackingCode} is delivered.`);
});
