// The CSV import's pages as people use them: what the dry run says before anything is created,
// progress told from one set of numbers, discarding a checked file, the errors shown once, a phone's
// list of imports, the deliveries of one import; and the admin's email preview.
import { randomUUID } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { stringify } from "csv-stringify/sync";
import { db } from "../lib/db";
import { futureDate, signIn, uniqueRef, world } from "./support";

const COLUMNS = ["pickupAddress", "dropoffAddress", "recipientName", "deliveryDate", "externalReference"];
const row = (ref: string, name = "Ada") => ["1 Depot Rd", "2 Main St", name, futureDate(5), ref];

async function chooseFile(page: Page, name: string, rows: string[][]) {
  await page.goto("/deliveries/import");
  await page.getByLabel("CSV file").setInputFiles({ name, mimeType: "text/csv", buffer: Buffer.from(stringify(rows)) });
  await page.getByRole("button", { name: "Check file" }).click();
  await expect(page).toHaveURL(/\/deliveries\/import\/[0-9a-f-]{36}$/);
  return page.url().split("/").at(-1)!;
}

async function uploadByApi(page: Page, name: string, rows: string[][]) {
  const res = await page.request.post("/api/v1/imports", {
    headers: { "content-type": "text/csv", "x-file-name": name },
    data: stringify(rows),
  });
  expect(res.status(), await res.text()).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

test.afterAll(() => db.$disconnect());

test("the admin's email preview uses the page's width", async ({ page }) => {
  const email = await db.emailMessage.create({
    data: {
      idempotencyKey: `preview-${randomUUID()}`,
      to: "ops@beta.example",
      template: "delivery-created",
      subject: "Preview: your delivery was created",
      html: "<p>Your delivery was created.</p>",
      text: "Your delivery was created.",
      status: "LOGGED",
    },
  });
  await signIn(page, world().admin);
  await page.goto(`/admin/emails/${email.id}`);
  const main = (await page.locator("main").boundingBox())!;
  const frame = (await page.getByTitle(`Email: ${email.subject}`).boundingBox())!;
  // The main column less its padding (2 × 16 px), and tall enough to read a message.
  expect(frame.width).toBeGreaterThanOrEqual(main.width - 40);
  expect(frame.height).toBeGreaterThanOrEqual(400);
});

test("the progress text and the bar are told from the same numbers", async ({ page }) => {
  const { partnerB } = world();
  const user = await db.user.findUniqueOrThrow({ where: { email: partnerB.email }, select: { id: true } });
  const rows = [1, 2, 3].map((n) => ({
    row: n + 1,
    input: {
      pickupAddress: "1 Depot Rd",
      dropoffAddress: "2 Main St",
      recipientName: `R ${n}`,
      deliveryDate: futureDate(5),
    },
  }));
  // A confirmed import no background run picks up: its numbers are the ones set here.
  const record = await db.deliveryImport.create({
    data: {
      partnerId: partnerB.id,
      createdByKind: "USER",
      createdById: user.id,
      fileName: "halfway.csv",
      status: "QUEUED",
      confirmedAt: new Date(),
      totalRows: 3,
      rows,
      errors: [],
    },
  });
  await signIn(page, partnerB.email);
  await page.goto(`/deliveries/import/${record.id}`);
  await expect(page.getByTestId("import-status")).toHaveText("Queued…");
  await expect(page.getByTestId("import-progress")).toHaveAttribute("data-percent", "0");

  // Two of three rows done: the words, the counts and the bar all say so on the next poll.
  await db.deliveryImport.update({
    where: { id: record.id },
    data: {
      status: "RUNNING",
      batches: { "0": { created: 1, existed: 1, failed: 0, failures: [] } },
    },
  });
  await expect(page.getByTestId("import-progress")).toHaveAttribute("data-percent", "66");
  await expect(page.getByTestId("import-status")).toHaveText("Creating deliveries…");
  await expect(page.getByTestId("import-progress-text")).toHaveText("2 of 3 rows · 66%");
  await expect(page.getByTestId("created-rows")).toHaveText("1");
  await expect(page.getByTestId("existed-rows")).toHaveText("1");
  await expect(page.getByText("Queued")).toHaveCount(0);
  await db.deliveryImport.delete({ where: { id: record.id } });
});

test("uploading a file again says up front which rows already exist, and creates only the new ones", async ({
  page,
}) => {
  await signIn(page, world().partnerB.email);
  const tag = uniqueRef("AGAIN");
  const first = [COLUMNS, row(`${tag}-1`), row(`${tag}-2`)];
  await chooseFile(page, "again.csv", first);
  await expect(page.getByTestId("existing-rows")).toHaveText("0");
  await page.getByRole("button", { name: "Create 2 deliveries" }).click();
  await expect(page.getByTestId("created-rows")).toHaveText("2", { timeout: 60_000 });

  // The same two rows and one new one.
  await chooseFile(page, "again.csv", [...first, row(`${tag}-3`)]);
  await expect(page.getByTestId("valid-rows")).toHaveText("3");
  await expect(page.getByTestId("existing-rows")).toHaveText("2");
  const plan = page.getByTestId("import-plan");
  await expect(plan).toContainText("1 new delivery will be created.");
  await expect(plan).toContainText("2 rows already exist");
  await expect(page.getByRole("button", { name: /^Create \d+ deliver/ })).toHaveText("Create 1 delivery");
  await page.getByRole("button", { name: "Create 1 delivery" }).click();
  await expect(page.getByTestId("import-progress")).toHaveAttribute("data-percent", "100", { timeout: 60_000 });
  await expect(page.getByTestId("created-rows")).toHaveText("1");
  await expect(page.getByTestId("existed-rows")).toHaveText("2");

  // Nothing new at all: no create button, only discarding.
  await chooseFile(page, "again.csv", [...first, row(`${tag}-3`)]);
  await expect(page.getByTestId("existing-rows")).toHaveText("3");
  await expect(page.getByTestId("import-plan")).toContainText("every valid row already exists");
  await expect(page.getByRole("button", { name: /^Create/ })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Discard" })).toBeVisible();
});

test("an import checked but not confirmed can be discarded, in the page and through the API", async ({ page }) => {
  await signIn(page, world().partnerB.email);
  const name = `discard-${randomUUID().slice(0, 8)}.csv`;
  const id = await chooseFile(page, name, [COLUMNS, row(uniqueRef("DSC"))]);
  await page.getByRole("button", { name: "Discard" }).click();
  await expect(page).toHaveURL(/\/deliveries\/import$/);
  await expect(page.getByRole("link", { name })).toHaveCount(0);
  expect((await page.request.get(`/api/v1/imports/${id}`)).status()).toBe(404);

  // The API: an unconfirmed import goes (204); a confirmed one stays (409); hostile ids are 404s.
  const other = await uploadByApi(page, "api-discard.csv", [COLUMNS, row(uniqueRef("DSC"))]);
  expect((await page.request.delete(`/api/v1/imports/${other}`)).status()).toBe(204);
  expect((await page.request.delete(`/api/v1/imports/${other}`)).status()).toBe(404);
  expect((await page.request.delete("/api/v1/imports/not-a-uuid")).status()).toBe(404);
  const confirmed = await uploadByApi(page, "api-confirmed.csv", [COLUMNS, row(uniqueRef("DSC"))]);
  expect((await page.request.post(`/api/v1/imports/${confirmed}/confirm`)).status()).toBe(202);
  const refused = await page.request.delete(`/api/v1/imports/${confirmed}`);
  expect(refused.status()).toBe(409);
  expect(refused.headers()["content-type"]).toContain("application/problem+json");

  // Another partner's import is not theirs to discard.
  const alpha = await page.context().browser()!.newContext();
  const alphaPage = await alpha.newPage();
  await signIn(alphaPage, world().partnerA.email);
  const notYours = await uploadByApi(alphaPage, "alpha.csv", [COLUMNS, row(uniqueRef("DSC"))]);
  await alpha.close();
  expect((await page.request.delete(`/api/v1/imports/${notYours}`)).status()).toBe(404);
});

test("an unknown column is reported once", async ({ page }) => {
  await signIn(page, world().partnerB.email);
  await page.goto("/deliveries/import");
  const rows = [
    [...COLUMNS, "colour"],
    [...row(uniqueRef("COL")), "blue"],
  ];
  await page
    .getByLabel("CSV file")
    .setInputFiles({ name: "colour.csv", mimeType: "text/csv", buffer: Buffer.from(stringify(rows)) });
  await page.getByRole("button", { name: "Check file" }).click();
  const error = page.getByTestId("upload-error");
  await expect(error).toContainText("Unknown column(s): colour");
  expect((await error.innerText()).match(/Unknown column/g)).toHaveLength(1);
});

test("recent imports fit a 390 px phone", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 800 });
  await signIn(page, world().admin);
  await page.goto("/deliveries/import");
  await page.getByLabel("Partner").selectOption(world().partnerA.id);
  await page.getByLabel("CSV file").setInputFiles({
    name: "a-long-file-name-without-any-spaces-from-the-warehouse-system-2026-12-04.csv",
    mimeType: "text/csv",
    buffer: Buffer.from(stringify([COLUMNS, row(uniqueRef("PHN"))])),
  });
  await page.getByRole("button", { name: "Check file" }).click();
  await expect(page).toHaveURL(/\/deliveries\/import\/[0-9a-f-]{36}$/);
  await page.goto("/deliveries/import");
  const table = page.getByTestId("imports-table");
  await expect(table).toBeVisible();
  const [scrollWidth, innerWidth] = await page.evaluate(() => [
    document.documentElement.scrollWidth,
    window.innerWidth,
  ]);
  expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
  const box = (await table.boundingBox())!;
  expect(box.x + box.width).toBeLessThanOrEqual(innerWidth);
  expect(await table.evaluate((t) => t.scrollWidth <= t.clientWidth)).toBe(true);
});

test("“View deliveries” lists that import's deliveries, under a filter chip that clears", async ({ page }) => {
  await signIn(page, world().partnerB.email);
  const tag = uniqueRef("VIEW");
  // Another delivery of this partner, not in the file.
  const outside = await page.request.post("/api/v1/deliveries", {
    data: {
      pickupAddress: "1 Depot Rd",
      dropoffAddress: "9 Elsewhere",
      recipientName: "Not imported",
      deliveryDate: futureDate(5),
    },
  });
  expect(outside.status()).toBe(201);
  const id = await chooseFile(page, "view.csv", [COLUMNS, row(`${tag}-1`), row(`${tag}-2`)]);
  await page.getByRole("button", { name: "Create 2 deliveries" }).click();
  await page.getByRole("link", { name: "View deliveries" }).click({ timeout: 60_000 });
  await expect(page).toHaveURL(new RegExp(`/deliveries\\?import=${id}$`));
  const rows = page.getByTestId("deliveries-table").locator("tbody tr");
  await expect(rows).toHaveCount(2);
  for (const n of [1, 2]) await expect(rows.filter({ hasText: `${tag}-${n}` })).toHaveCount(1);
  const chip = page.getByTestId("import-filter-chip");
  await expect(chip).toContainText("view.csv");

  // Another filter keeps the import's.
  await page.getByLabel("Search").fill(`${tag}-2`);
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(rows).toHaveCount(1);
  await expect(page).toHaveURL(new RegExp(`import=${id}`));

  await chip.getByRole("link", { name: "Clear the import filter" }).click();
  await expect(page).not.toHaveURL(/import=/);
  await expect(chip).toHaveCount(0);

  // A bad import id is the list's "not valid" notice, and the API's 400.
  await page.goto("/deliveries?import=nope");
  await expect(page.getByTestId("filters-invalid")).toContainText("the import filter");
  expect((await page.request.get("/api/v1/deliveries?import=nope")).status()).toBe(400);
  // Someone else's import, or none: no rows.
  const none = await page.request.get(`/api/v1/deliveries?import=${randomUUID()}`);
  expect(none.status()).toBe(200);
  expect(((await none.json()) as { data: unknown[] }).data).toHaveLength(0);
});
