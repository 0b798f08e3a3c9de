// The delivery lifecycle (DESIGN §4): the one place that knows which status may follow
// which, who may move it, and which moves change the assignee. The API, the UI and the tests all
// ask this module.
import type { DeliveryStatus } from "@/lib/generated/prisma/enums";
import type { ActorRole } from "@/lib/auth/permissions";

export const DELIVERY_STATUSES = [
  "CREATED",
  "ASSIGNED",
  "IN_TRANSIT",
  "COMPLETED",
  "FAILED",
  "CANCELLED",
] as const satisfies readonly DeliveryStatus[];

/**
 * What a move does to the assignee: `set` needs a courier (assign, reassign — only through the
 * assignment endpoint), `clear` removes them (unassign), `keep` leaves them as they are.
 */
export type AssigneeEffect = "set" | "clear" | "keep";

export interface Transition {
  from: DeliveryStatus;
  to: DeliveryStatus;
  /** Roles allowed to make it; an API key acts with its partner's rights, a courier on its own assignments. */
  roles: readonly ActorRole[];
  reasonRequired: boolean;
  assignee: AssigneeEffect;
}

const PARTNER_SIDE = ["ADMIN", "PARTNER", "API_KEY"] as const;

const TRANSITIONS: readonly Transition[] = [
  { from: "CREATED", to: "ASSIGNED", roles: ["ADMIN"], reasonRequired: false, assignee: "set" },
  { from: "ASSIGNED", to: "ASSIGNED", roles: ["ADMIN"], reasonRequired: false, assignee: "set" },
  { from: "ASSIGNED", to: "CREATED", roles: ["ADMIN"], reasonRequired: false, assignee: "clear" },
  { from: "ASSIGNED", to: "IN_TRANSIT", roles: ["ADMIN", "COURIER"], reasonRequired: false, assignee: "keep" },
  { from: "CREATED", to: "FAILED", roles: ["ADMIN"], reasonRequired: true, assignee: "keep" },
  { from: "ASSIGNED", to: "FAILED", roles: ["ADMIN"], reasonRequired: true, assignee: "keep" },
  { from: "CREATED", to: "CANCELLED", roles: PARTNER_SIDE, reasonRequired: false, assignee: "keep" },
  { from: "ASSIGNED", to: "CANCELLED", roles: PARTNER_SIDE, reasonRequired: false, assignee: "keep" },
  { from: "IN_TRANSIT", to: "COMPLETED", roles: ["ADMIN", "COURIER"], reasonRequired: false, assignee: "keep" },
  { from: "IN_TRANSIT", to: "FAILED", roles: ["ADMIN", "COURIER"], reasonRequired: true, assignee: "keep" },
];

/**
 * Re-attempts of a FAILED delivery (lib/deliveries/reattempt-delivery.ts): back to CREATED without a
 * courier, or to ASSIGNED keeping the same one. They belong to the re-attempt endpoint only, so the
 * status and assignment moves above never see them and FAILED stays final for everything else
 * ("finished" in the reschedule and cancel checks).
 */
const REATTEMPTS: readonly Transition[] = [
  { from: "FAILED", to: "CREATED", roles: PARTNER_SIDE, reasonRequired: false, assignee: "clear" },
  { from: "FAILED", to: "ASSIGNED", roles: PARTNER_SIDE, reasonRequired: false, assignee: "keep" },
];

/** How many attempts a delivery may have in all, unless DELIVERY_MAX_ATTEMPTS says otherwise. */
export const DEFAULT_MAX_ATTEMPTS = 3;

export function maxAttempts(): number {
  const raw = process.env.DELIVERY_MAX_ATTEMPTS;
  const n = raw === undefined || raw.trim() === "" ? DEFAULT_MAX_ATTEMPTS : Number(raw);
  return Number.isInteger(n) && n >= 1 ? n : DEFAULT_MAX_ATTEMPTS;
}

export type ReattemptCheck =
  { ok: true; transition: Transition } | { ok: false; reason: "invalid" | "forbidden" | "limit" };

/**
 * Judges a re-attempt: only from FAILED, only by the partner side, only below the attempt limit.
 * `keepCourier` picks ASSIGNED (the caller still checks that the courier is active) over CREATED.
 */
export function checkReattempt(
  from: DeliveryStatus,
  role: ActorRole,
  attempt: number,
  keepCourier: boolean,
): ReattemptCheck {
  const transition = REATTEMPTS.find((t) => t.from === from && t.to === (keepCourier ? "ASSIGNED" : "CREATED"));
  if (!transition) return { ok: false, reason: "invalid" };
  if (!transition.roles.includes(role)) return { ok: false, reason: "forbidden" };
  if (attempt >= maxAttempts()) return { ok: false, reason: "limit" };
  return { ok: true, transition };
}

/** Whether `role` may re-attempt a delivery in `from` at `attempt`; the UI offers the control only then. */
export function canReattempt(from: DeliveryStatus, role: ActorRole, attempt: number): boolean {
  return checkReattempt(from, role, attempt, false).ok;
}

export function isFinal(status: DeliveryStatus): boolean {
  return !TRANSITIONS.some((t) => t.from === status);
}

/** Statuses that may follow `from` through the status endpoint, optionally only those `role` may choose. */
export function nextStatuses(from: DeliveryStatus, role?: ActorRole): DeliveryStatus[] {
  return TRANSITIONS.filter(
    (t) => t.from === from && t.assignee !== "set" && (!role || t.roles.includes(role)) && t.to !== from,
  ).map((t) => t.to);
}

export function findTransition(from: DeliveryStatus, to: DeliveryStatus): Transition | undefined {
  return TRANSITIONS.find((t) => t.from === from && t.to === to);
}

/** The move an assignment makes from `from`: to ASSIGNED with a courier, back to CREATED without. */
export function assignmentTransition(from: DeliveryStatus, assigning: boolean): Transition | undefined {
  return TRANSITIONS.find((t) => t.from === from && t.assignee === (assigning ? "set" : "clear"));
}

/** Whether `role` may (re)assign a delivery in `from`; the UI offers the control only then. */
export function canAssign(from: DeliveryStatus, role: ActorRole): boolean {
  return !!assignmentTransition(from, true)?.roles.includes(role);
}

/** Whether `role` may unassign a delivery in `from`. */
export function canUnassign(from: DeliveryStatus, role: ActorRole): boolean {
  return !!assignmentTransition(from, false)?.roles.includes(role);
}

export type TransitionCheck =
  | { ok: true; transition: Transition }
  | {
      ok: false;
      reason: "invalid" | "forbidden" | "reason_required" | "assignment_only";
      allowed: DeliveryStatus[];
    };

/**
 * Judges one requested move through the status endpoint; the order of checks decides which error
 * the caller sees. Moves that set an assignee belong to the assignment endpoint.
 */
export function checkTransition(
  from: DeliveryStatus,
  to: DeliveryStatus,
  role: ActorRole,
  reason?: string,
): TransitionCheck {
  const allowed = nextStatuses(from, role);
  const transition = findTransition(from, to);
  if (!transition) return { ok: false, reason: "invalid", allowed };
  if (!transition.roles.includes(role)) return { ok: false, reason: "forbidden", allowed };
  if (transition.assignee === "set") return { ok: false, reason: "assignment_only", allowed };
  if (transition.reasonRequired && !reason) return { ok: false, reason: "reason_required", allowed };
  return { ok: true, transition };
}
