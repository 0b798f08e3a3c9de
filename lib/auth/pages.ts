// Every signed-in page and the permission it asks, in one list: the page guard (requireActor)
// and the main navigation both read it, so nobody is shown a link to a page that answers 404.
import { can, type ActorRole, type Permission } from "@/lib/auth/permissions";

export interface AppPage {
  href: string;
  label: string;
  permission: Permission;
  /** Reached another way (the bell), so not in the main navigation. */
  inNav?: false;
}

export const PAGES = {
  /** A courier's phone view; first, so it is their home page. */
  myDeliveries: { href: "/courier", label: "My deliveries", permission: "deliveries.assignedOnly" },
  deliveries: { href: "/deliveries", label: "Deliveries", permission: "deliveries.read" },
  newDelivery: { href: "/deliveries/new", label: "New delivery", permission: "deliveries.create" },
  /** Reached from the deliveries page's "Import CSV" button. */
  imports: { href: "/deliveries/import", label: "Import", permission: "imports.manage", inNav: false },
  overview: { href: "/admin", label: "Overview", permission: "deliveries.readAll" },
  partners: { href: "/admin/partners", label: "Partners", permission: "partners.manage" },
  emails: { href: "/admin/emails", label: "Emails", permission: "emails.read" },
  runs: { href: "/admin/runs", label: "Background runs", permission: "jobs.read" },
  apiKeys: { href: "/settings/api-keys", label: "API keys", permission: "apiKeys.manage" },
  /** Admin and courier keys: the platform's own dispatch tooling and couriers' apps. */
  staffApiKeys: { href: "/admin/api-keys", label: "Staff keys", permission: "apiKeys.manageStaff" },
  /** A partner's own settings (its time zone); admins pick a partner first. */
  partnerSettings: { href: "/settings/partner", label: "Partner settings", permission: "partners.settings" },
  webhook: { href: "/settings/webhook", label: "Webhook", permission: "webhooks.manage" },
  notifications: { href: "/notifications", label: "Notifications", permission: "notifications.read", inNav: false },
} as const satisfies Record<string, AppPage>;

/** The main navigation for this role: the pages it may open, in the order above. */
export function navFor(actor: { role: ActorRole }): { href: string; label: string }[] {
  return Object.values(PAGES as Record<string, AppPage>)
    .filter((page) => page.inNav !== false && can(actor, page.permission))
    .map(({ href, label }) => ({ href, label }));
}

/** Where "/" sends a signed-in user: the first page of their navigation. */
export function homeFor(actor: { role: ActorRole }): string {
  return navFor(actor)[0]?.href ?? PAGES.deliveries.href;
}
