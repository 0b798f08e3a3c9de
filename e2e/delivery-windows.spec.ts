// Delivery windows in the UI: a partner sets its time zone, enters a drop-off window in it on the
// new delivery form, and reads the same local times on the delivery page and in the table (an
// admin too, in that partner's zone, not their own); a late delivery shows the badge, and the
// "Late only" filter finds it.
import { expect, test, type Page } from "@playwright/test";
import { db } from "../lib/db";
import { signIn, uniqueRef, world } from "./support";

const ZONE = "America/New_York";
// January: New York keeps UTC-5 then, whichever year this runs in.
const YEAR = new Date().getUTCFullYear() + 1;
const DAY = `${YEAR}-01-15`;

async function setZone(partnerId: string, timeZone: string) {
  await db.partner.update({ where: { id: partnerId }, data: { timeZone } });
}

test.afterAll(async () => {
  await setZone(world().partnerB.id, "UTC");
  await db.$disconnect();
});

async function fillDelivery(page: Page, ref: string) {
  await page.getByLabel("Pickup address").fill("12 Market St, Springfield");
  await page.getByLabel("Drop-off address").fill("4 Elm Rd, Shelbyville");
  await page.getByLabel("Recipient name").fill("Ada Lovelace");
  await page.getByLabel("Your reference").fill(ref);
}

test("a partner sets its time zone: refused names say so beside the field, the saved one shows at once", async ({
  page,
}) => {
  await setZone(world().partnerB.id, "UTC");
  await signIn(page, world().partnerB.email);
  await page.getByRole("link", { name: "Partner settings" }).first().click();
  const field = page.getByRole("combobox", { name: "Time zone", exact: true });
  await expect(field).toHaveValue("UTC");

  await field.fill("Mars/Olympus");
  await page.getByRole("button", { name: /^Save/ }).click();
  await expect(page.getByTestId("error-timeZone")).toHaveText("Not a known IANA time zone, e.g. Europe/Berlin");
  await expect(field).toHaveValue("Mars/Olympus");
  await expect(page.getByTestId("time-zone-saved")).toHaveText("UTC");

  // Typed in lower case, saved (and shown) in the canonical spelling.
  await field.fill("america/new_york");
  await page.getByRole("button", { name: /^Save/ }).click();
  await expect(page.getByTestId("time-zone-saved")).toHaveText(ZONE);
  await expect(field).toHaveValue(ZONE);
  await expect(page.getByTestId("error-timeZone")).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole("combobox", { name: "Time zone", exact: true })).toHaveValue(ZONE);
});

test("a drop-off window entered in the partner's zone reads the same on the delivery page and in the table", async ({
  page,
  browser,
}) => {
  await setZone(world().partnerB.id, ZONE);
  await signIn(page, world().partnerB.email);
  await page.goto("/deliveries/new");
  await expect(page.getByTestId("windows-zone")).toContainText(`Times in ${ZONE}`);
  const ref = uniqueRef("WIN");
  await fillDelivery(page, ref);

  // Every window rule broken at once, each message beside its own field.
  await page.getByLabel("Pickup window from").fill(`${DAY}T12:00`);
  await page.getByLabel("Pickup window until").fill(`${DAY}T11:00`);
  await page.getByLabel("Drop-off window from").fill(`${DAY}T08:00`);
  await page.getByLabel("Drop-off window until").fill(`${DAY}T09:00`);
  await page.getByRole("button", { name: "Submit delivery" }).click();
  await expect(page.getByTestId("error-pickupWindowTo")).toHaveText("`to` must be after `from`");
  await expect(page.getByTestId("error-dropoffWindowTo")).toHaveText(
    "The drop-off window must not end before the pickup window starts",
  );
  await expect(page.getByLabel("Drop-off window from")).toHaveValue(`${DAY}T08:00`);

  // One time of a window without the other; no delivery date and no drop-off window.
  await page.getByLabel("Pickup window until").fill("");
  await page.getByLabel("Drop-off window from").fill("");
  await page.getByLabel("Drop-off window until").fill("");
  await page.getByRole("button", { name: "Submit delivery" }).click();
  await expect(page.getByTestId("error-pickupWindowTo")).toHaveText("Give both times, or neither");
  await expect(page.getByTestId("error-deliveryDate")).toHaveText("Required unless you give a drop-off window");

  // The delivery date comes from the window: left blank.
  await page.getByLabel("Pickup window from").fill("");
  await page.getByLabel("Drop-off window from").fill(`${DAY}T14:00`);
  await page.getByLabel("Drop-off window until").fill(`${DAY}T16:00`);
  await page.getByRole("button", { name: "Submit delivery" }).click();
  await expect(page.getByTestId("notice-created")).toBeVisible();

  // 14:00–16:00 in New York in January is 19:00–21:00 UTC.
  const id = page.url().match(/\/deliveries\/([0-9a-f-]{36})/)![1];
  const stored = await db.delivery.findUniqueOrThrow({ where: { id } });
  expect(stored.dropoffWindowStart?.toISOString()).toBe(`${DAY}T19:00:00.000Z`);
  expect(stored.dropoffWindowEnd?.toISOString()).toBe(`${DAY}T21:00:00.000Z`);
  expect(stored.deliveryDate.toISOString().slice(0, 10)).toBe(DAY);

  // The browser is in UTC (en-US): the page still shows New York's times, and says so.
  const schedule = page.getByTestId("schedule");
  await expect(schedule.getByTestId("dropoff-window")).toHaveText(/^2:00\sPM–4:00\sPM, Jan 15$/);
  await expect(schedule.getByTestId("schedule-zone")).toHaveText(`Times in ${ZONE}`);
  await expect(schedule.getByTestId("pickup-window")).toHaveText("—");
  await expect(schedule.getByTestId("late-badge")).toHaveCount(0);

  await page.goto(`/deliveries?q=${ref}`);
  const row = page.getByTestId("deliveries-table").getByRole("row").filter({ hasText: ref });
  await expect(row.getByTestId("due")).toHaveText(/^2:00\sPM–4:00\sPM, Jan 15$/);

  // An admin reads it in the partner's zone too, and can sort by it.
  const admin = await (await browser.newContext()).newPage();
  await signIn(admin, world().admin, { to: `/deliveries?q=${ref}` });
  const adminRow = admin.getByTestId("deliveries-table").getByRole("row").filter({ hasText: ref });
  await expect(adminRow.getByTestId("due")).toHaveText(/^2:00\sPM–4:00\sPM, Jan 15$/);
  await admin.getByTestId("sort-dueAt").click();
  await expect(admin).toHaveURL(/sort=dueAt\.(asc|desc)/);
  await expect(admin.getByRole("columnheader", { name: /Due/ })).toHaveAttribute("aria-sort", /ascending|descending/);
  await admin.context().close();

  // The public tracking page shows the window, in the partner's zone, and nothing personal.
  await page.goto(`/track/${stored.trackingCode}`);
  await expect(page.getByTestId("tracking-window")).toContainText(`(times in ${ZONE})`);
  await expect(page.getByTestId("tracking-window")).toContainText(/2:00\sPM–4:00\sPM, Jan 15/);
  await expect(page.getByText("Ada Lovelace")).toHaveCount(0);
});

test("a late delivery shows the badge, and the Late only filter finds it and nothing on time", async ({ page }) => {
  await setZone(world().partnerB.id, ZONE);
  await signIn(page, world().partnerB.email);
  const tag = uniqueRef("LATE");
  const create = async (ref: string) => {
    const res = await page.request.post("/api/v1/deliveries", {
      data: {
        pickupAddress: "1 Depot Way",
        dropoffAddress: "2 Late Lane",
        recipientName: "Lena Late",
        externalReference: ref,
        dropoffWindow: { from: `${DAY}T19:00:00Z`, to: `${DAY}T21:00:00Z` },
      },
    });
    expect(res.status(), await res.text()).toBe(201);
    return (await res.json()) as { id: string };
  };
  const late = await create(`${tag}-L`);
  await create(`${tag}-ON`);
  // Its window ended an hour ago (a window cannot be booked in the past, so the clock moves instead),
  // and it is on its second attempt with an ETA.
  const now = Date.now();
  await db.delivery.update({
    where: { id: late.id },
    data: {
      dropoffWindowStart: new Date(now - 3 * 3_600_000),
      dropoffWindowEnd: new Date(now - 3_600_000),
      attempt: 2,
      eta: new Date(now + 1_800_000),
    },
  });

  await page.goto(`/deliveries?q=${tag}`);
  const table = page.getByTestId("deliveries-table");
  await expect(table.getByRole("row")).toHaveCount(3);
  await expect(
    table
      .getByRole("row")
      .filter({ hasText: `${tag}-L` })
      .getByTestId("late-badge"),
  ).toHaveText("Late");
  await expect(
    table
      .getByRole("row")
      .filter({ hasText: `${tag}-ON` })
      .getByTestId("late-badge"),
  ).toHaveCount(0);

  await page.getByLabel("Late only").check();
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/late=true/);
  await expect(table.getByRole("row")).toHaveCount(2);
  await expect(table.getByRole("row").filter({ hasText: `${tag}-L` })).toHaveCount(1);

  await page.goto(`/deliveries/${late.id}`);
  const schedule = page.getByTestId("schedule");
  await expect(schedule.getByTestId("late-badge")).toBeVisible();
  await expect(schedule.getByTestId("attempt")).toHaveText("Attempt 2");
  await expect(schedule.getByTestId("eta")).not.toHaveText("—");
});
