// Background work over HTTP on the real server: the Inngest serve route, the notifications API,
// and the pages for notifications, the email log and webhook settings.
import { createHmac } from "node:crypto";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { db } from "@/lib/db";
import { sendEmail } from "@/lib/email/send-email";
import { notifyUsers } from "@/lib/notifications/notify-users";
import { api, baseUrl, createWorld, type World } from "./support";

let world: World;
beforeAll(async () => {
  world = await createWorld();
});

async function page(path: string, cookie?: string) {
  const res = await fetch(`${baseUrl}${path}`, { headers: cookie ? { cookie } : {}, redirect: "manual" });
  return { status: res.status, html: await res.text(), location: res.headers.get("location") };
}

describe("Inngest serve route", () => {
  it("answers Inngest's signed introspection request with our functions", async () => {
    // Signed as Inngest signs requests: HMAC-SHA256(key without its prefix, body + timestamp).
    const key = inject("inngestSigningKey").replace(/^signkey-\w+-/, "");
    const t = Math.floor(Date.now() / 1000).toString();
    const signature = createHmac("sha256", key)
      .update("" + t)
      .digest("hex");
    const res = await api("GET", "/api/inngest", { headers: { "x-inngest-signature": `t=${t}&s=${signature}` } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      authentication_succeeded: true,
      function_count: 7, // inngest/functions/index.ts
      mode: "cloud",
      has_signing_key: true,
      app_id: "delivery-platform",
    });
  });

  it("refuses an unsigned introspection request in cloud mode", async () => {
    expect((await api("GET", "/api/inngest")).status).toBe(401);
  });

  it("refuses an unsigned registration in cloud mode instead of calling out to Inngest", async () => {
    expect((await api("PUT", "/api/inngest", { json: {} })).status).toBe(401);
  });

  it("refuses unsigned function calls in cloud mode", async () => {
    const res = await api("POST", "/api/inngest?fnId=delivery-platform-delivery-notifications&stepId=step", {
      json: { event: {}, events: [], steps: {}, ctx: {} },
    });
    expect(res.status).toBe(401);
  });
});

describe("notifications API", () => {
  it("lists, counts and marks the caller's own notifications", async () => {
    const a = { cookie: world.partnerA.cookie };
    await notifyUsers([world.partnerA.userId], { kind: "test", title: "First", body: "one", dedupeKey: "t1" });
    await notifyUsers([world.partnerA.userId], { kind: "test", title: "Second", body: "two", dedupeKey: "t2" });
    await notifyUsers([world.partnerA.userId], { kind: "test", title: "Second", body: "two", dedupeKey: "t2" }); // duplicate: ignored

    const list = await api("GET", "/api/v1/notifications", { as: a });
    expect(list.status).toBe(200);
    expect(list.body.unreadCount).toBe(2);
    expect(list.body.data.map((n: { title: string }) => n.title)).toEqual(["Second", "First"]);
    expect((await api("GET", "/api/v1/notifications/unread-count", { as: a })).body).toEqual({ unreadCount: 2 });

    const [second, first] = list.body.data as { id: string }[];
    expect(
      (await api("POST", `/api/v1/notifications/${second.id}/read`, { as: { cookie: world.partnerB.cookie } })).status,
    ).toBe(404);
    expect((await api("POST", `/api/v1/notifications/${second.id}/read`, { as: a })).status).toBe(204);
    expect(
      (await api("GET", "/api/v1/notifications?unread=true", { as: a })).body.data.map((n: { id: string }) => n.id),
    ).toEqual([first.id]);
    expect((await api("POST", "/api/v1/notifications/read-all", { as: a })).body).toEqual({ marked: 1 });
    expect((await api("GET", "/api/v1/notifications/unread-count", { as: a })).body).toEqual({ unreadCount: 0 });
  });

  it("is for signed-in people only", async () => {
    expect((await api("GET", "/api/v1/notifications")).status).toBe(401);
    expect((await api("GET", "/api/v1/notifications", { as: { apiKey: world.partnerA.apiKey } })).status).toBe(404);
    expect(
      (await api("POST", "/api/v1/notifications/not-a-uuid/read", { as: { cookie: world.partnerA.cookie } })).status,
    ).toBe(404);
  });
});

describe("pages", () => {
  it("shows a partner their notifications", async () => {
    await notifyUsers([world.partnerA.userId], {
      kind: "test",
      title: "Visible on the page",
      body: "hello",
      dedupeKey: "page",
    });
    const res = await page("/notifications", world.partnerA.cookie);
    expect(res.status).toBe(200);
    expect(res.html).toContain("Visible on the page");
  });

  it("lets admins read the email log and open a logged email; nobody else", async () => {
    const email = await sendEmail({
      key: `page-test:${world.partnerA.id}`,
      to: "reader@test.example",
      template: "webhook-disabled",
      props: { partnerName: "Page Test", url: "https://hooks.example/x", failures: 5, lastError: null },
    });
    expect(email.status).toBe("LOGGED");
    const list = await page("/admin/emails", world.admin.cookie);
    expect(list.status).toBe(200);
    expect(list.html).toContain(`/admin/emails/${email.id}`);
    const one = await page(`/admin/emails/${email.id}`, world.admin.cookie);
    expect(one.status).toBe(200);
    expect(one.html).toContain("reader@test.example");
    expect(one.html).toContain('sandbox=""');
    expect(one.html).toContain("Page Test");

    expect((await page("/admin/emails", world.partnerA.cookie)).status).toBe(404);
    expect((await page(`/admin/emails/${email.id}`, world.partnerA.cookie)).status).toBe(404);
    expect((await page("/admin/emails/nope", world.admin.cookie)).status).toBe(404);
  });

  it("shows a partner their webhook settings and an admin any partner's", async () => {
    const own = await page("/settings/webhook", world.partnerA.cookie);
    expect(own.status).toBe(200);
    expect(own.html).toContain("Endpoint URL");
    const ownPartner = await db.partner.findUniqueOrThrow({ where: { id: world.partnerA.id } });
    expect(own.html).toContain(ownPartner.name);
    const admin = await page(`/settings/webhook?partnerId=${world.partnerB.id}`, world.admin.cookie);
    expect(admin.status).toBe(200);
    const partner = await db.partner.findUniqueOrThrow({ where: { id: world.partnerB.id } });
    expect(admin.html).toContain(partner.name);
    expect((await page(`/settings/webhook?partnerId=${world.partnerB.id}`, world.partnerA.cookie)).status).toBe(404);
  });
});
