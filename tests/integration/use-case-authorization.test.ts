// Every use case decides who may call it, by itself: called directly — not through
// withApi, a page guard or a server action — each one refuses a caller without its permission
// and keeps a caller with it to their own partner. One row per use case.
import { parse } from "csv-parse/sync";
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { issueApiKey, issueStaffApiKey, listApiKeys, listStaffApiKeys, revokeApiKey } from "@/lib/auth/api-keys";
import { PERMISSIONS, type Permission } from "@/lib/auth/permissions";
import { getRunStats, listRuns, retryRun } from "@/lib/background/list-runs";
import { exportDeliveriesCsv } from "@/lib/deliveries/export-deliveries";
import { db } from "@/lib/db";
import { assignDelivery } from "@/lib/deliveries/assign-delivery";
import { bulkAssignDeliveries } from "@/lib/deliveries/bulk-assign-deliveries";
import { bulkCancelDeliveries } from "@/lib/deliveries/bulk-cancel-deliveries";
import { createDelivery } from "@/lib/deliveries/create-delivery";
import { getDeliveryOrThrow, listStatusEvents } from "@/lib/deliveries/get-delivery";
import { getDeliveryStats } from "@/lib/deliveries/get-delivery-stats";
import { listDeliveries } from "@/lib/deliveries/list-deliveries";
import { listStuckDeliveries } from "@/lib/deliveries/list-stuck-deliveries";
import { listTimeline } from "@/lib/deliveries/list-timeline";
import { listDeliveriesQuerySchema } from "@/lib/deliveries/schemas";
import { transitionDelivery } from "@/lib/deliveries/transition-delivery";
import { getEmail, listEmails } from "@/lib/email/list-emails";
import {
  countUnread,
  listNotifications,
  markAllNotificationsRead,
  markNotificationRead,
} from "@/lib/notifications/list-notifications";
import { getOutboxStats } from "@/lib/outbox/get-outbox-stats";
import { retryOutbox } from "@/lib/outbox/retry-outbox";
import { createPartner } from "@/lib/partners/create-partner";
import { findPartnerBySlug } from "@/lib/partners/find-partner-by-slug";
import { getPartner } from "@/lib/partners/get-partner";
import { listPartners } from "@/lib/partners/list-partners";
import { setPartnerActive } from "@/lib/partners/set-partner-active";
import { setPartnerTimeZone } from "@/lib/partners/set-partner-time-zone";
import { listPartnerTimeZones } from "@/lib/partners/list-partner-time-zones";
import { createUser } from "@/lib/users/create-user";
import { listCouriers } from "@/lib/users/list-couriers";
import { listUsers } from "@/lib/users/list-users";
import { setUserActive } from "@/lib/users/set-user-active";
import {
  createWebhookEndpoint,
  deleteWebhookEndpoint,
  endpointOf,
  listWebhookEndpoints,
  rotateWebhookSecret,
  sendTestWebhook,
  updateWebhookEndpoint,
} from "@/lib/webhooks/manage-endpoint";
import { requestWebhookReplay } from "@/lib/webhooks/replay-missed";
import { listWebhookMessages } from "@/lib/webhooks/list-messages";
import { resendWebhookMessage } from "@/lib/webhooks/resend-message";
import { ensureMessage } from "@/lib/webhooks/send-webhook";
import { confirmImport } from "@/lib/imports/confirm-import";
import { discardImport } from "@/lib/imports/discard-import";
import { getImport, getImportPlan } from "@/lib/imports/get-import";
import { listImports } from "@/lib/imports/list-imports";
import { previewImport } from "@/lib/imports/preview-import";
import { IMPORT_COLUMNS } from "@/lib/imports/parse-import";
import { actorsOf, createWorld, deliveryPayload, type World } from "./support";

let world: World;
let as: ReturnType<typeof actorsOf>;
/** Partner A's delivery and notification, and an email: what the out-of-scope caller reaches for. */
let deliveryOfA: { id: string };
let notificationOfA: string;
let emailId: string;
let importOfA: string;
let endpointOfA: string;
let messageOfA: string;

/** A one-row import file (the template's columns), valid for any partner. */
const csvOfOneRow = () => {
  const row = deliveryPayload() as Record<string, unknown>;
  const line = (values: unknown[]) => values.map((v) => JSON.stringify(String(v ?? ""))).join(",");
  return new TextEncoder().encode(`${line([...IMPORT_COLUMNS])}\n${line(IMPORT_COLUMNS.map((c) => row[c]))}\n`);
};

/**
 * Everyone who is anyone holds "deliveries.read" and "deliveries.transition"; what lacks them is
 * no caller at all — what an edge that forgot to resolve its caller would pass on.
 */
const NOBODY = null as unknown as Actor;
const query = () => listDeliveriesQuerySchema.parse({ limit: 100 });
const refused = { code: "not_found" };

interface UseCase {
  name: string;
  permission: Permission;
  /** A caller without the permission. */
  without: () => Actor;
  run: (actor: Actor) => Promise<unknown>;
  /**
   * Partner B reaching for partner A's rows: refused, or shown nothing of them. A string says why
   * there is no partner scope to test: the permission is held only by roles that see every partner.
   */
  scope: (() => Promise<void>) | "admin-wide";
}

const notOfA = async (run: () => Promise<unknown>) => expect(run()).rejects.toMatchObject(refused);

const USE_CASES: UseCase[] = [
  // deliveries
  {
    name: "createDelivery",
    permission: "deliveries.create",
    without: () => as.courier,
    run: (actor) => createDelivery({ actor, input: deliveryPayload() as never }),
    scope: async () => {
      const { delivery } = await createDelivery({ actor: as.partnerB, input: deliveryPayload() as never });
      expect(delivery.partner.id).toBe(world.partnerB.id);
    },
  },
  {
    name: "createDelivery on a partner's behalf",
    permission: "deliveries.createOnBehalf",
    // A partner naming another partner is a 400 naming partnerId (api-key-roles, authorization-matrix).
    without: () => as.courier,
    run: (actor) => createDelivery({ actor, input: deliveryPayload() as never, onBehalfOf: world.partnerA.id }),
    scope: "admin-wide",
  },
  // imports
  {
    name: "previewImport",
    permission: "imports.manage",
    without: () => NOBODY,
    run: (actor) => previewImport({ actor, input: { bytes: csvOfOneRow() } }),
    scope: async () => {
      const summary = await previewImport({
        actor: as.partnerB,
        input: { bytes: csvOfOneRow(), partnerId: world.partnerA.id },
      }).catch((error: unknown) => error);
      expect(summary).toMatchObject({ code: "validation_failed" });
    },
  },
  {
    name: "getImport",
    permission: "imports.manage",
    without: () => NOBODY,
    run: (actor) => getImport({ actor, id: importOfA }),
    scope: () => notOfA(() => getImport({ actor: as.partnerB, id: importOfA })),
  },
  {
    name: "listImports",
    permission: "imports.manage",
    without: () => NOBODY,
    run: (actor) => listImports({ actor }),
    scope: async () => {
      const ids = (await listImports({ actor: as.partnerB })).map((i) => i.id);
      expect(ids).not.toContain(importOfA);
      expect((await listImports({ actor: as.admin })).map((i) => i.id)).toContain(importOfA);
    },
  },
  {
    name: "confirmImport",
    permission: "imports.manage",
    without: () => NOBODY,
    run: (actor) => confirmImport({ actor, id: importOfA }),
    scope: () => notOfA(() => confirmImport({ actor: as.partnerB, id: importOfA })),
  },
  {
    name: "getImportPlan",
    permission: "imports.manage",
    without: () => NOBODY,
    run: (actor) => getImportPlan({ actor, id: importOfA }),
    scope: () => notOfA(() => getImportPlan({ actor: as.partnerB, id: importOfA })),
  },
  {
    name: "discardImport",
    permission: "imports.manage",
    without: () => NOBODY,
    run: (actor) => discardImport({ actor, id: importOfA }),
    scope: () => notOfA(() => discardImport({ actor: as.partnerB, id: importOfA })),
  },
  {
    name: "exportDeliveriesCsv",
    permission: "deliveries.read",
    without: () => NOBODY,
    run: async (actor) => {
      const chunks: string[] = [];
      for await (const chunk of exportDeliveriesCsv({ actor, query: query() })) chunks.push(chunk);
      return chunks;
    },
    scope: async () => {
      let csv = "";
      for await (const chunk of exportDeliveriesCsv({
        actor: as.partnerB,
        query: { ...query(), partnerId: world.partnerA.id },
      }))
        csv += chunk;
      const partners = (parse(csv, { columns: true }) as { partner: string }[]).map((r) => r.partner);
      expect(partners.length).toBeGreaterThan(0);
      expect(partners.filter((p) => !p.startsWith("Beta "))).toEqual([]);
    },
  },
  {
    name: "getDeliveryOrThrow",
    permission: "deliveries.read",
    without: () => NOBODY,
    run: (actor) => getDeliveryOrThrow({ actor, id: deliveryOfA.id }),
    scope: () => notOfA(() => getDeliveryOrThrow({ actor: as.partnerB, id: deliveryOfA.id })),
  },
  {
    name: "listStatusEvents",
    permission: "deliveries.read",
    without: () => NOBODY,
    run: (actor) => listStatusEvents({ actor, id: deliveryOfA.id }),
    scope: () => notOfA(() => listStatusEvents({ actor: as.partnerB, id: deliveryOfA.id })),
  },
  {
    name: "listTimeline",
    permission: "deliveries.read",
    without: () => NOBODY,
    run: (actor) => listTimeline({ actor, id: deliveryOfA.id }),
    scope: () => notOfA(() => listTimeline({ actor: as.partnerB, id: deliveryOfA.id })),
  },
  {
    name: "listDeliveries",
    permission: "deliveries.read",
    without: () => NOBODY,
    run: (actor) => listDeliveries({ actor, query: query() }),
    scope: async () => {
      const page = await listDeliveries({ actor: as.partnerB, query: { ...query(), partnerId: world.partnerA.id } });
      expect(page.data.map((d) => d.partner.id)).not.toContain(world.partnerA.id);
      expect(page.data.length).toBeGreaterThan(0);
    },
  },
  {
    name: "getDeliveryStats",
    permission: "deliveries.read",
    without: () => NOBODY,
    run: (actor) => getDeliveryStats({ actor }),
    scope: async () => {
      const stats = await getDeliveryStats({ actor: as.partnerB });
      const own = await db.delivery.count({ where: { partnerId: world.partnerB.id } });
      expect(Object.values(stats.totals).reduce((a, b) => a + b, 0)).toBe(own);
    },
  },
  {
    name: "listStuckDeliveries",
    permission: "deliveries.read",
    without: () => NOBODY,
    run: (actor) => listStuckDeliveries({ actor }),
    scope: async () => {
      const later = new Date(Date.now() + 365 * 86_400_000);
      const seen = (actor: Actor) => listStuckDeliveries({ actor, now: later, limit: 10_000 });
      expect((await seen(as.admin)).rows.map((d) => d.id)).toContain(deliveryOfA.id);
      expect((await seen(as.partnerB)).rows.map((d) => d.id)).not.toContain(deliveryOfA.id);
    },
  },
  {
    name: "transitionDelivery",
    permission: "deliveries.transition",
    without: () => NOBODY,
    run: (actor) => transitionDelivery({ actor, id: deliveryOfA.id, input: { status: "CANCELLED" } }),
    scope: () =>
      notOfA(() => transitionDelivery({ actor: as.partnerB, id: deliveryOfA.id, input: { status: "CANCELLED" } })),
  },
  {
    name: "assignDelivery",
    permission: "deliveries.assign",
    without: () => as.courier,
    run: (actor) => assignDelivery({ actor, id: deliveryOfA.id, input: { assigneeId: world.courier.id } }),
    scope: "admin-wide",
  },
  {
    name: "bulkAssignDeliveries",
    permission: "deliveries.bulkDispatch",
    without: () => as.partnerA,
    run: (actor) => bulkAssignDeliveries({ actor, input: { items: [{ id: randomUUID() }], assigneeId: null } }),
    scope: "admin-wide",
  },
  {
    name: "bulkCancelDeliveries",
    permission: "deliveries.bulkDispatch",
    without: () => as.partnerA,
    run: (actor) => bulkCancelDeliveries({ actor, input: { items: [{ id: randomUUID() }], reason: "Refused" } }),
    scope: "admin-wide",
  },
  {
    name: "listCouriers",
    permission: "deliveries.assign",
    without: () => as.partnerA,
    run: (actor) => listCouriers({ actor }),
    scope: "admin-wide",
  },
  // partners and users
  {
    name: "createPartner",
    permission: "partners.manage",
    without: () => as.partnerA,
    run: (actor) => createPartner({ actor, input: { name: `Refused ${randomUUID().slice(0, 8)}` } }),
    scope: "admin-wide",
  },
  {
    name: "setPartnerActive",
    permission: "partners.manage",
    without: () => as.partnerA,
    run: (actor) => setPartnerActive({ actor, input: { id: world.partnerB.id, active: false } }),
    scope: "admin-wide",
  },
  {
    name: "setPartnerTimeZone",
    permission: "partners.settings",
    without: () => as.courier,
    run: (actor) => setPartnerTimeZone({ actor, input: { id: world.partnerB.id, timeZone: "Asia/Tokyo" } }),
    scope: async () => {
      await notOfA(() =>
        setPartnerTimeZone({ actor: as.partnerB, input: { id: world.partnerA.id, timeZone: "Asia/Tokyo" } }),
      );
      expect((await db.partner.findUniqueOrThrow({ where: { id: world.partnerA.id } })).timeZone).not.toBe(
        "Asia/Tokyo",
      );
    },
  },
  {
    name: "listPartnerTimeZones",
    permission: "deliveries.read",
    without: () => NOBODY,
    run: (actor) => listPartnerTimeZones({ actor, ids: [world.partnerA.id] }),
    scope: async () => {
      const zones = await listPartnerTimeZones({ actor: as.partnerB, ids: [world.partnerA.id, world.partnerB.id] });
      expect([...zones.keys()]).toEqual([world.partnerB.id]);
    },
  },
  {
    name: "listPartners",
    permission: "partners.read",
    without: () => as.partnerAKey,
    run: (actor) => listPartners({ actor }),
    scope: async () => {
      expect((await listPartners({ actor: as.partnerB })).map((p) => p.id)).toEqual([world.partnerB.id]);
    },
  },
  {
    name: "getPartner",
    permission: "partners.read",
    without: () => as.partnerAKey,
    run: (actor) => getPartner({ actor, id: world.partnerA.id }),
    scope: () => notOfA(() => getPartner({ actor: as.partnerB, id: world.partnerA.id })),
  },
  {
    name: "findPartnerBySlug",
    permission: "partners.read",
    without: () => as.partnerAKey,
    run: (actor) => findPartnerBySlug({ actor, slug: world.partnerA.slug }),
    scope: async () => {
      expect(await findPartnerBySlug({ actor: as.partnerB, slug: world.partnerA.slug })).toBeNull();
    },
  },
  {
    name: "createUser",
    permission: "users.manage",
    without: () => as.partnerA,
    run: (actor) =>
      createUser({
        actor,
        input: { email: `refused-${randomUUID()}@test.example`, password: "correct-horse-battery", role: "ADMIN" },
      }),
    scope: "admin-wide",
  },
  {
    name: "listUsers",
    permission: "users.manage",
    without: () => as.partnerA,
    run: (actor) => listUsers({ actor }),
    scope: "admin-wide",
  },
  {
    name: "setUserActive",
    permission: "users.manage",
    without: () => as.partnerA,
    run: (actor) => setUserActive({ actor, input: { id: world.partnerB.userId, active: false } }),
    scope: "admin-wide",
  },
  // API keys
  {
    name: "issueApiKey",
    permission: "apiKeys.manage",
    without: () => as.partnerAKey,
    run: (actor) => issueApiKey({ actor, input: { partnerId: world.partnerA.id, name: "refused" } }),
    scope: async () => {
      const key = await issueApiKey({ actor: as.partnerB, input: { partnerId: world.partnerA.id, name: "mine" } });
      expect(key.partnerId).toBe(world.partnerB.id);
    },
  },
  {
    name: "revokeApiKey",
    permission: "apiKeys.manage",
    without: () => as.partnerAKey,
    run: (actor) => revokeApiKey({ actor, input: { id: world.partnerA.apiKeyId } }),
    scope: async () => {
      await notOfA(() => revokeApiKey({ actor: as.partnerB, input: { id: world.partnerA.apiKeyId } }));
      expect((await db.apiKey.findUniqueOrThrow({ where: { id: world.partnerA.apiKeyId } })).revokedAt).toBeNull();
    },
  },
  {
    name: "listApiKeys",
    permission: "apiKeys.manage",
    without: () => as.partnerAKey,
    run: (actor) => listApiKeys({ actor, input: { partnerId: world.partnerA.id } }),
    scope: () => notOfA(() => listApiKeys({ actor: as.partnerB, input: { partnerId: world.partnerA.id } })),
  },
  // admin and courier keys: staff only, whatever a partner asks for
  {
    name: "issueStaffApiKey",
    permission: "apiKeys.manageStaff",
    without: () => as.partnerA,
    run: (actor) => issueStaffApiKey({ actor, input: { role: "ADMIN", name: "refused" } }),
    scope: "admin-wide",
  },
  {
    name: "listStaffApiKeys",
    permission: "apiKeys.manageStaff",
    without: () => as.partnerA,
    run: (actor) => listStaffApiKeys({ actor }),
    scope: "admin-wide",
  },
  // webhook endpoints (partner B asks for partner A's by id)
  ...(
    [
      ["getWebhookEndpoint", endpointOf],
      [
        "updateWebhookEndpoint",
        (x: { actor: Actor; id: string }) => updateWebhookEndpoint({ ...x, input: { description: "B was here" } }),
      ],
      ["rotateWebhookSecret", rotateWebhookSecret],
      ["sendTestWebhook", sendTestWebhook],
      ["requestWebhookReplay", requestWebhookReplay],
      ["listWebhookMessages", (x: { actor: Actor; id: string }) => listWebhookMessages({ ...x, query: { limit: 20 } })],
      [
        "resendWebhookMessage",
        (x: { actor: Actor; id: string }) => resendWebhookMessage({ ...x, messageId: messageOfA }),
      ],
      ["deleteWebhookEndpoint", deleteWebhookEndpoint],
    ] as const
  ).map(([name, webhookUseCase]): UseCase => ({
    name,
    permission: "webhooks.manage",
    without: () => as.courier,
    run: (actor) => webhookUseCase({ actor, id: endpointOfA }),
    scope: () => notOfA(() => webhookUseCase({ actor: as.partnerB, id: endpointOfA })),
  })),
  {
    name: "listWebhookEndpoints",
    permission: "webhooks.manage",
    without: () => as.courier,
    run: (actor) => listWebhookEndpoints({ actor }),
    scope: async () => {
      await notOfA(() => listWebhookEndpoints({ actor: as.partnerB, input: { partnerId: world.partnerA.id } }));
      expect((await listWebhookEndpoints({ actor: as.partnerB })).map((e) => e.id)).not.toContain(endpointOfA);
    },
  },
  {
    name: "createWebhookEndpoint",
    permission: "webhooks.manage",
    without: () => as.courier,
    run: (actor) =>
      createWebhookEndpoint({ actor, input: { url: "https://example.com/hook", events: ["delivery.created"] } }),
    scope: () =>
      notOfA(() =>
        createWebhookEndpoint({
          actor: as.partnerB,
          input: { partnerId: world.partnerA.id, url: "https://example.com/hook", events: ["delivery.created"] },
        }),
      ),
  },
  // notifications (scope: one's own, as a user)
  {
    name: "listNotifications",
    permission: "notifications.read",
    without: () => as.partnerAKey,
    run: (actor) => listNotifications({ actor, query: { limit: 100 } }),
    scope: async () => {
      const { data } = await listNotifications({ actor: as.partnerB, query: { limit: 100 } });
      expect(data.map((n) => n.id)).not.toContain(notificationOfA);
    },
  },
  {
    name: "countUnread",
    permission: "notifications.read",
    without: () => as.partnerAKey,
    run: (actor) => countUnread({ actor }),
    scope: async () => {
      expect(await countUnread({ actor: as.partnerA })).toBeGreaterThan(0);
      expect(await countUnread({ actor: as.partnerB })).toBe(0);
    },
  },
  {
    name: "markNotificationRead",
    permission: "notifications.read",
    without: () => as.partnerAKey,
    run: (actor) => markNotificationRead({ actor, id: notificationOfA }),
    scope: () => notOfA(() => markNotificationRead({ actor: as.partnerB, id: notificationOfA })),
  },
  {
    name: "markAllNotificationsRead",
    permission: "notifications.read",
    without: () => as.partnerAKey,
    run: (actor) => markAllNotificationsRead({ actor }),
    scope: async () => {
      await markAllNotificationsRead({ actor: as.partnerB });
      const row = await db.notification.findUniqueOrThrow({ where: { id: notificationOfA } });
      expect(row.readAt).toBeNull();
    },
  },
  // admin tools
  {
    name: "listEmails",
    permission: "emails.read",
    without: () => as.partnerA,
    run: (actor) => listEmails({ actor }),
    scope: "admin-wide",
  },
  {
    name: "getEmail",
    permission: "emails.read",
    without: () => as.partnerA,
    run: (actor) => getEmail({ actor, id: emailId }),
    scope: "admin-wide",
  },
  {
    name: "getOutboxStats",
    permission: "jobs.read",
    without: () => as.partnerA,
    run: (actor) => getOutboxStats({ actor }),
    scope: "admin-wide",
  },
  {
    name: "retryOutbox",
    permission: "jobs.retry",
    without: () => as.partnerA,
    run: (actor) => retryOutbox({ actor }),
    scope: "admin-wide",
  },
  {
    name: "listRuns",
    permission: "jobs.read",
    without: () => as.partnerA,
    run: (actor) => listRuns({ actor }),
    scope: "admin-wide",
  },
  {
    name: "getRunStats",
    permission: "jobs.read",
    without: () => as.partnerA,
    run: (actor) => getRunStats({ actor }),
    scope: "admin-wide",
  },
  {
    name: "retryRun",
    permission: "jobs.retry",
    without: () => as.partnerA,
    run: (actor) => retryRun({ actor, id: randomUUID() }),
    scope: "admin-wide",
  },
];

beforeAll(async () => {
  world = await createWorld();
  as = actorsOf(world);
  ({ delivery: deliveryOfA } = await createDelivery({ actor: as.partnerA, input: deliveryPayload() as never }));
  await createDelivery({ actor: as.partnerB, input: deliveryPayload() as never });
  importOfA = (await previewImport({ actor: as.partnerA, input: { bytes: csvOfOneRow() } })).id;
  endpointOfA = (
    await createWebhookEndpoint({
      actor: as.partnerA,
      input: { url: "https://example.com/a-hook", events: ["delivery.created"] },
    })
  ).id;
  messageOfA = (
    await ensureMessage(endpointOfA, { id: randomUUID(), type: "delivery.created", createdAt: "", data: {} })
  ).id;
  notificationOfA = (
    await db.notification.create({
      data: { userId: world.partnerA.userId, kind: "test", title: "A's", body: "only A's", dedupeKey: randomUUID() },
    })
  ).id;
  emailId = (
    await db.emailMessage.create({
      data: {
        idempotencyKey: `use-cases-${randomUUID()}`,
        to: "ops@test.example",
        template: "test",
        subject: "Test",
        html: "<p>t</p>",
        text: "t",
        status: "LOGGED",
      },
    })
  ).id;
});

describe("every use case, called directly", () => {
  it.each(USE_CASES.map((c) => [c.name, c] as const))(
    "%s refuses a caller without its permission (as not found) and changes nothing",
    async (_name, useCase) => {
      const caller = useCase.without();
      expect(caller === NOBODY || !(PERMISSIONS[useCase.permission] as readonly string[]).includes(caller.role)).toBe(
        true,
      );
      await expect(useCase.run(caller)).rejects.toMatchObject(refused);
      expect((await db.partner.findUniqueOrThrow({ where: { id: world.partnerB.id } })).active).toBe(true);
    },
  );

  it.each(USE_CASES.filter((c) => c.scope !== "admin-wide").map((c) => [c.name, c] as const))(
    "%s keeps partner B out of partner A's rows",
    async (_name, useCase) => {
      await (useCase.scope as () => Promise<void>)();
    },
  );

  it.each(USE_CASES.filter((c) => c.scope === "admin-wide").map((c) => [c.name, c] as const))(
    "%s has no partner scope to keep: only roles that see every partner hold its permission",
    (_name, useCase) => {
      for (const role of PERMISSIONS[useCase.permission]) expect(PERMISSIONS["partners.all"]).toContain(role);
    },
  );

  it("leaves partner A's delivery, keys and notification untouched by all of the above", async () => {
    expect((await db.delivery.findUniqueOrThrow({ where: { id: deliveryOfA.id } })).status).toBe("CREATED");
    expect((await db.apiKey.findUniqueOrThrow({ where: { id: world.partnerA.apiKeyId } })).revokedAt).toBeNull();
    expect((await db.notification.findUniqueOrThrow({ where: { id: notificationOfA } })).readAt).toBeNull();
    expect(await db.webhookEndpoint.findUniqueOrThrow({ where: { id: endpointOfA } })).toMatchObject({
      url: "https://example.com/a-hook",
      description: null,
    });
    expect(
      await db.outboxEvent.count({
        where: { name: "webhook/resend.requested", payload: { path: ["messageId"], equals: messageOfA } },
      }),
    ).toBe(0);
  });
});
