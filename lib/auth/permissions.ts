// Roles → permissions, in one table: code asks `can(actor, permission)` and nothing else compares
// roles. Use cases scope rows through partnerScope() ("partners.all"); the navigation and the page
// guards (lib/auth/pages.ts) read the same table.
export type ActorRole = "ADMIN" | "PARTNER" | "COURIER" | "API_KEY";

export const PERMISSIONS = {
  /** Create deliveries: partners (and their keys) for themselves, staff for a partner they name. */
  "deliveries.create": ["ADMIN", "PARTNER", "API_KEY"],
  /** Name the partner a new delivery is for (API `partnerId`, the form's picker, a CSV import). */
  "deliveries.createOnBehalf": ["ADMIN"],
  /** Upload, confirm and follow CSV imports: partners their own, staff on behalf of any partner. */
  "imports.manage": ["ADMIN", "PARTNER", "API_KEY"],
  "deliveries.read": ["ADMIN", "PARTNER", "COURIER", "API_KEY"],
  "deliveries.readAll": ["ADMIN"],
  "deliveries.transition": ["ADMIN", "PARTNER", "COURIER", "API_KEY"],
  /** Move a delivery's windows with a reason: the partner side while CREATED or ASSIGNED. */
  "deliveries.reschedule": ["ADMIN", "PARTNER", "API_KEY"],
  /** Reschedule on the way too (IN_TRANSIT): dispatch, until it is delivered. */
  "deliveries.rescheduleInTransit": ["ADMIN"],
  /** Try a FAILED delivery again, as its next attempt. */
  "deliveries.reattempt": ["ADMIN", "PARTNER", "API_KEY"],
  /** Set or move the estimated arrival of a delivery on its way (its courier, or dispatch). */
  "deliveries.setEta": ["ADMIN", "COURIER"],
  /** Sees and moves only the deliveries assigned to them (whatever their partner). */
  "deliveries.assignedOnly": ["COURIER"],
  /** Assign, reassign and unassign deliveries to couriers (dispatch). */
  "deliveries.assign": ["ADMIN"],
  /** Complete without the proof a partner asks for (dispatch's override; the history names who). */
  "deliveries.completeWithoutProof": ["ADMIN"],
  /** Not limited to one partner: sees and acts on every partner's rows. */
  "partners.all": ["ADMIN"],
  /** Read partners in scope: admins all of them, a partner user its own. */
  "partners.read": ["ADMIN", "PARTNER"],
  "partners.manage": ["ADMIN"],
  /** A partner's own settings (its time zone): a partner user its own, admins any partner's. */
  "partners.settings": ["ADMIN", "PARTNER"],
  "users.manage": ["ADMIN"],
  "apiKeys.manage": ["ADMIN", "PARTNER"],
  /** Admin and courier keys, which act for the platform or one courier rather than a partner. */
  "apiKeys.manageStaff": ["ADMIN"],
  /** Webhook endpoints, their secrets and message log: in the settings and through the API. */
  "webhooks.manage": ["ADMIN", "PARTNER", "API_KEY"],
  "emails.read": ["ADMIN"],
  "jobs.read": ["ADMIN"],
  "jobs.retry": ["ADMIN"],
  "notifications.read": ["ADMIN", "PARTNER", "COURIER"],

  // Dispatch at volume and live screens.
  /** Assign, unassign or cancel many deliveries in one request (dispatch). */
  "deliveries.bulkDispatch": ["ADMIN"],
} as const satisfies Record<string, readonly ActorRole[]>;

export type Permission = keyof typeof PERMISSIONS;

export function roleCan(role: ActorRole, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly ActorRole[]).includes(role);
}

export function can(actor: { role: ActorRole } | null | undefined, permission: Permission): boolean {
  return !!actor && roleCan(actor.role, permission);
}
