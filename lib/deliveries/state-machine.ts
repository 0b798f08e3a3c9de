// The delivery lifecycle (DESIGN §4): the one place that knows which status may follow which, and
// who may move it. The API, the UI and the tests all ask this module.
import type { DeliveryStatus } from "@/lib/generated/prisma/enums";
import type { ActorRole } from "@/lib/auth/permissions";

export const DELIVERY_STATUSES = [
  "CREATED",
  "IN_TRANSIT",
  "COMPLETED",
  "FAILED",
  "CANCELLED",
] as const satisfies readonly DeliveryStatus[];

interface Transition {
  from: DeliveryStatus;
  to: DeliveryStatus;
  /** Roles allowed to make it; an API key acts with its partner's rights. */
  roles: readonly ActorRole[];
  reasonRequired: boolean;
}

const TRANSITIONS: readonly Transition[] = [
  { from: "CREATED", to: "IN_TRANSIT", roles: ["ADMIN"], reasonRequired: false },
  { from: "CREATED", to: "FAILED", roles: ["ADMIN"], reasonRequired: true },
  { from: "CREATED", to: "CANCELLED", roles: ["ADMIN", "PARTNER", "API_KEY"], reasonRequired: false },
  { from: "IN_TRANSIT", to: "COMPLETED", roles: ["ADMIN"], reasonRequired: false },
  { from: "IN_TRANSIT", to: "FAILED", roles: ["ADMIN"], reasonRequired: true },
];

export function isFinal(status: DeliveryStatus): boolean {
  return !TRANSITIONS.some((t) => t.from === status);
}

/** Statuses that may follow `from`, optionally only those `role` may choose. */
export function nextStatuses(from: DeliveryStatus, role?: ActorRole): DeliveryStatus[] {
  return TRANSITIONS.filter((t) => t.from === from && (!role || t.roles.includes(role))).map((t) => t.to);
}

export function findTransition(from: DeliveryStatus, to: DeliveryStatus): Transition | undefined {
  return TRANSITIONS.find((t) => t.from === from && t.to === to);
}

export type TransitionCheck =
  | { ok: true; transition: Transition }
  | { ok: false; reason: "invalid" | "forbidden" | "reason_required"; allowed: DeliveryStatus[] };

/** Judges one requested move; the order of checks decides which error the caller sees. */
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
  if (transition.reasonRequired && !reason) return { ok: false, reason: "reason_required", allowed };
  return { ok: true, transition };
}
