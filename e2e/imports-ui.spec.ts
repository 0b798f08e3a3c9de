// The CSV import's pages as people use them: what the dry run says before anything is created,
// progress told from one set of numbers, discarding a checked file, the errors shown once, a phone's
// list of imports, the deliveries of one import; and the admin's email preview.
import { expect, test } from "@playwright/test";
import { stringify } from "csv-stringify/sync";
import { db } from "../lib/db";
import { futureDate, signIn, uniqueRef, world } from "./support";

const COLUMNS = ["pickupAddress", "dropoffAddress", "recipientName", "deliveryDate", "externalReference"];
const row = (ref: string, name = "Ada") => ["1 Depot Rd", "2 Main St", name, futureDate(5), ref];

test.afterAll(() => db.$disconnect());

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
