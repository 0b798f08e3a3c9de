// Every page of the route matrix, on a desktop and a 360 px phone, is no wider than the window,
// logs no error in the browser's console and has no axe-core violation of WCAG 2.1 A/AA. One signed-in context per role visits its pages in
// both sizes, so the sweep stays quick.
import AxeBuilder from "@axe-core/playwright";
import { randomUUID } from "node:crypto";
import { expect, test, type Browser, type ConsoleMessage, type Page } from "@playwright/test";
import { db } from "../lib/db";
import { createDelivery, screenshot, signIn, world } from "./support";

const VIEWPORTS = [
  { name: "desktop", width: 1280, height: 800 },
  { name: "phone", width: 360, height: 740 },
] as const;

const WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

/** Screenshot names per page (`<name>-<viewport>`); the README tour's ones go to docs/ (e2e/support.ts). */
const TOUR: Record<string, string> = {
  "/deliveries/new": "new-delivery",
  "/settings/webhook": "webhook",
  "/notifications": "notifications",
  "/admin/emails": "emails",
  track: "tracking",
};

interface Problem {
  path: string;
  viewport: string;
  issue: string;
}

/** An endpoint with a logged message and a failed attempt, so the webhook page shows its log. */
async function withLoggedWebhook(partnerId: string) {
  if (await db.webhookMessage.count({ where: { endpoint: { partnerId } } })) return;
  const endpoint =
    (await db.webhookEndpoint.findFirst({ where: { partnerId } })) ??
    (await db.webhookEndpoint.create({
      data: {
        partnerId,
        url: "https://93.184.215.14/sweep",
        description: "Sweep",
        events: ["delivery.created"],
        secret: `whsec_${Buffer.alloc(32, 1).toString("base64")}`,
      },
    }));
  const eventId = randomUUID();
  await db.webhookMessage.create({
    data: {
      endpointId: endpoint.id,
      eventId,
      eventType: "delivery.created",
      trackingCode: "DLV-SWEEP001",
      body: JSON.stringify({ id: eventId, type: "delivery.created", data: {} }),
      attempts: {
        create: {
          endpointId: endpoint.id,
          eventId,
          eventType: "delivery.created",
          attempt: 1,
          url: endpoint.url,
          responseStatus: 503,
          responseBody: "down for maintenance",
          durationMs: 42,
          error: "HTTP 503",
        },
      },
    },
  });
}

async function sweep(page: Page, paths: { path: string; tour?: string }[], problems: Problem[]) {
  // Errors in the browser's console (a failed hydration, a missing asset) are problems of the page.
  let at = { path: "", viewport: "" };
  const onConsole = (message: ConsoleMessage) => {
    if (message.type() !== "error") return;
    // The 404 page's own document answers 404 on purpose.
    if (at.path.includes("DLV-NOPE") && message.location().url.endsWith(at.path)) return;
    problems.push({ ...at, issue: `console: ${message.text().slice(0, 200)} (${message.location().url})` });
  };
  const onError = (error: Error) => problems.push({ ...at, issue: `page error: ${error.message.slice(0, 200)}` });
  page.on("console", onConsole);
  page.on("pageerror", onError);
  for (const viewport of VIEWPORTS) {
    await page.setViewportSize({ width: viewport.width, height: viewport.height });
    for (const { path, tour } of paths) {
      at = { path, viewport: viewport.name };
      const response = await page.goto(path);
      const expected = path.includes("DLV-NOPE") ? 404 : 200;
      if (response?.status() !== expected)
        problems.push({ path, viewport: viewport.name, issue: `HTTP ${response?.status()}, expected ${expected}` });
      await page.waitForLoadState("networkidle");
      const [scrollWidth, innerWidth] = await page.evaluate(() => [
        document.documentElement.scrollWidth,
        window.innerWidth,
      ]);
      if (scrollWidth > innerWidth)
        problems.push({ path, viewport: viewport.name, issue: `${scrollWidth} px wide in a ${innerWidth} px window` });
      // A stored email shown in a script-less sandbox is the email's own markup, not this UI; axe
      // cannot enter such a frame (it waits for it until the test times out), so it leaves first.
      await page.evaluate(() => document.querySelectorAll("iframe[sandbox]").forEach((frame) => frame.remove()));
      const axe = await new AxeBuilder({ page }).withTags(WCAG_21_AA).analyze();
      for (const v of axe.violations)
        problems.push({
          path,
          viewport: viewport.name,
          issue: `axe ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`,
        });
      if (tour) await screenshot(page, `${tour}-${viewport.name}`);
    }
  }
  page.off("console", onConsole);
  page.off("pageerror", onError);
}

async function signedIn(browser: Browser, email: string | null) {
  const context = await browser.newContext();
  const page = await context.newPage();
  if (email) await signIn(page, email);
  return { context, page };
}

test.afterAll(() => db.$disconnect());

test.describe("every page, desktop and 360 px phone", () => {
  test.setTimeout(240_000);

  test("as a partner: no page wider than the window, no axe violations", async ({ browser }) => {
    await withLoggedWebhook(world().partnerA.id);
    const { context, page } = await signedIn(browser, world().partnerA.email);
    const delivery = await createDelivery(page);
    // One with windows too, so the table's due column and the delivery's schedule show them.
    const windowed = await createDelivery(page, {
      deliveryDate: undefined,
      pickupWindow: { from: "2030-01-15T08:00:00Z", to: "2030-01-15T10:00:00Z" },
      dropoffWindow: { from: "2030-01-15T12:00:00Z", to: "2030-01-15T14:00:00Z" },
    });
    const upload = await page.request.post("/api/v1/imports", {
      headers: { "content-type": "text/csv", "x-file-name": "sweep.csv" },
      data: "recipientName,pickupAddress,dropoffAddress,deliveryDate\nAda,1 Depot Rd,,2030-13-01\n",
    });
    expect(upload.status()).toBe(201);
    const problems: Problem[] = [];
    await sweep(
      page,
      [
        { path: "/deliveries" },
        { path: "/deliveries/new", tour: TOUR["/deliveries/new"] },
        { path: `/deliveries/${delivery.id}` },
        { path: `/deliveries/${windowed.id}` },
        { path: "/deliveries/import" },
        { path: `/deliveries/import/${((await upload.json()) as { id: string }).id}` },
        { path: "/settings/api-keys" },
        { path: "/settings/partner" },
        { path: "/settings/webhook", tour: TOUR["/settings/webhook"] },
        { path: "/notifications", tour: TOUR["/notifications"] },
      ],
      problems,
    );
    await context.close();
    expect(problems).toEqual([]);
  });

  test("as an admin: no page wider than the window, no axe violations", async ({ browser }) => {
    const { partnerA } = world();
    const partner = await signedIn(browser, partnerA.email);
    const delivery = await createDelivery(partner.page);
    await partner.context.close();
    // An email of its own, so the message page exists whatever ran before.
    const email = await db.emailMessage.create({
      data: {
        idempotencyKey: `sweep-${randomUUID()}`,
        to: "ops@alpha.example",
        template: "delivery-created",
        subject: "Sweep: your delivery was created",
        html: "<p>Your delivery was created.</p>",
        text: "Your delivery was created.",
        status: "LOGGED",
      },
    });
    const { context, page } = await signedIn(browser, world().admin);
    const emailHref = `/admin/emails/${email.id}`;
    const problems: Problem[] = [];
    await sweep(
      page,
      [
        { path: "/deliveries" },
        { path: `/deliveries/${delivery.id}` },
        { path: "/admin", tour: "admin-overview" },
        { path: "/admin/partners" },
        { path: "/admin/emails", tour: TOUR["/admin/emails"] },
        { path: emailHref },
        { path: "/admin/runs" },
        { path: "/admin/api-keys" },
        { path: "/deliveries/new" },
        { path: "/deliveries/import" },
        { path: "/settings/api-keys" },
        { path: `/settings/api-keys?partnerId=${partnerA.id}` },
        { path: "/settings/webhook" },
        { path: `/settings/webhook?partnerId=${partnerA.id}` },
        { path: "/settings/partner" },
        { path: `/settings/partner?partnerId=${partnerA.id}` },
        { path: "/notifications" },
      ],
      problems,
    );
    await context.close();
    expect(problems).toEqual([]);
  });

  test("as a courier: no page wider than the window, no axe violations", async ({ browser }) => {
    const { partnerA, courier, admin } = world();
    const partner = await signedIn(browser, partnerA.email);
    const delivery = await createDelivery(partner.page, {
      deliveryDate: undefined,
      dropoffWindow: { from: "2030-01-15T12:00:00Z", to: "2030-01-15T14:00:00Z" },
    });
    await partner.context.close();
    const dispatch = await signedIn(browser, admin);
    const { id: assigneeId } = await db.user.findUniqueOrThrow({ where: { email: courier.email } });
    const assigned = await dispatch.page.request.put(`/api/v1/deliveries/${delivery.id}/assignment`, {
      data: { assigneeId },
    });
    expect(assigned.status()).toBe(200);
    await dispatch.context.close();
    const { context, page } = await signedIn(browser, courier.email);
    const problems: Problem[] = [];
    await sweep(
      page,
      [
        { path: "/courier" },
        { path: `/courier/${delivery.id}` },
        { path: "/deliveries" },
        { path: `/deliveries/${delivery.id}` },
        { path: "/notifications" },
      ],
      problems,
    );
    await context.close();
    expect(problems).toEqual([]);
  });

  test("signed out: sign-in and the public tracking pages", async ({ browser }) => {
    const partner = await signedIn(browser, world().partnerA.email);
    const delivery = await createDelivery(partner.page, {
      deliveryDate: undefined,
      dropoffWindow: { from: "2030-01-15T12:00:00Z", to: "2030-01-15T14:00:00Z" },
    });
    await partner.context.close();
    const { context, page } = await signedIn(browser, null);
    const problems: Problem[] = [];
    await sweep(
      page,
      [
        { path: "/sign-in" },
        { path: "/track" },
        { path: `/track/${delivery.trackingCode}`, tour: TOUR.track },
        { path: "/track/DLV-NOPE2345" },
      ],
      problems,
    );
    await context.close();
    expect(problems).toEqual([]);
  });
});
