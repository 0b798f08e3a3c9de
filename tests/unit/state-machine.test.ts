import { afterEach, describe, expect, it } from "vitest";
import {
  assignmentTransition,
  canReattempt,
  checkReattempt,
  maxAttempts,
  canAssign,
  canUnassign,
  checkTransition,
  DELIVERY_STATUSES,
  isFinal,
  nextStatuses,
} from "@/lib/deliveries/state-machine";

describe("delivery state machine", () => {
  it("allows exactly the status-endpoint transitions of DESIGN §4", () => {
    const allowed = DELIVERY_STATUSES.flatMap((from) => nextStatuses(from).map((to) => `${from}->${to}`));
    expect(allowed.sort()).toEqual(
      [
        "ASSIGNED->CANCELLED",
        "ASSIGNED->CREATED",
        "ASSIGNED->FAILED",
        "ASSIGNED->IN_TRANSIT",
        "CREATED->CANCELLED",
        "CREATED->FAILED",
        "IN_TRANSIT->COMPLETED",
        "IN_TRANSIT->FAILED",
      ].sort(),
    );
  });

  it("treats COMPLETED, FAILED and CANCELLED as final", () => {
    expect(DELIVERY_STATUSES.filter(isFinal)).toEqual(["COMPLETED", "FAILED", "CANCELLED"]);
  });

  it("lets partners and API keys only cancel, and only while CREATED or ASSIGNED", () => {
    for (const role of ["PARTNER", "API_KEY"] as const) {
      expect(nextStatuses("CREATED", role)).toEqual(["CANCELLED"]);
      expect(nextStatuses("ASSIGNED", role)).toEqual(["CANCELLED"]);
      expect(nextStatuses("IN_TRANSIT", role)).toEqual([]);
    }
    expect(nextStatuses("CREATED", "ADMIN").sort()).toEqual(["CANCELLED", "FAILED"]);
    expect(nextStatuses("ASSIGNED", "ADMIN").sort()).toEqual(["CANCELLED", "CREATED", "FAILED", "IN_TRANSIT"]);
  });

  it("lets a courier start an assigned delivery, then complete or fail it, and nothing else", () => {
    expect(nextStatuses("CREATED", "COURIER")).toEqual([]);
    expect(nextStatuses("ASSIGNED", "COURIER")).toEqual(["IN_TRANSIT"]);
    expect(nextStatuses("IN_TRANSIT", "COURIER").sort()).toEqual(["COMPLETED", "FAILED"]);
    expect(checkTransition("ASSIGNED", "CANCELLED", "COURIER")).toMatchObject({ ok: false, reason: "forbidden" });
    expect(checkTransition("ASSIGNED", "CREATED", "COURIER")).toMatchObject({ ok: false, reason: "forbidden" });
    expect(checkTransition("IN_TRANSIT", "FAILED", "COURIER")).toMatchObject({ ok: false, reason: "reason_required" });
    expect(checkTransition("IN_TRANSIT", "FAILED", "COURIER", "Nobody home")).toMatchObject({ ok: true });
  });

  it("assigns only through the assignment rules: admins, from CREATED or (reassigning) ASSIGNED", () => {
    expect(assignmentTransition("CREATED", true)).toMatchObject({ to: "ASSIGNED", assignee: "set" });
    expect(assignmentTransition("ASSIGNED", true)).toMatchObject({ to: "ASSIGNED", assignee: "set" });
    expect(assignmentTransition("ASSIGNED", false)).toMatchObject({ to: "CREATED", assignee: "clear" });
    expect(assignmentTransition("CREATED", false)).toBeUndefined();
    for (const status of ["IN_TRANSIT", "COMPLETED", "FAILED", "CANCELLED"] as const) {
      expect(assignmentTransition(status, true)).toBeUndefined();
      expect(assignmentTransition(status, false)).toBeUndefined();
    }
    expect(DELIVERY_STATUSES.filter((s) => canAssign(s, "ADMIN"))).toEqual(["CREATED", "ASSIGNED"]);
    expect(DELIVERY_STATUSES.filter((s) => canUnassign(s, "ADMIN"))).toEqual(["ASSIGNED"]);
    for (const role of ["PARTNER", "API_KEY", "COURIER"] as const) {
      expect(DELIVERY_STATUSES.filter((s) => canAssign(s, role) || canUnassign(s, role))).toEqual([]);
    }
  });

  it("sends a move to ASSIGNED through the status endpoint to the assignment endpoint", () => {
    expect(checkTransition("CREATED", "ASSIGNED", "ADMIN")).toMatchObject({ ok: false, reason: "assignment_only" });
    expect(checkTransition("CREATED", "ASSIGNED", "PARTNER")).toMatchObject({ ok: false, reason: "forbidden" });
  });

  it("refuses a move outside the table as invalid, listing what the caller may do", () => {
    expect(checkTransition("COMPLETED", "CREATED", "ADMIN")).toEqual({ ok: false, reason: "invalid", allowed: [] });
    expect(checkTransition("IN_TRANSIT", "CANCELLED", "ADMIN")).toEqual({
      ok: false,
      reason: "invalid",
      allowed: ["COMPLETED", "FAILED"],
    });
    expect(checkTransition("IN_TRANSIT", "ASSIGNED", "ADMIN")).toMatchObject({ ok: false, reason: "invalid" });
  });

  it("starts only an assigned delivery: CREATED → IN_TRANSIT is invalid for every role", () => {
    expect(checkTransition("CREATED", "IN_TRANSIT", "ADMIN")).toEqual({
      ok: false,
      reason: "invalid",
      allowed: ["FAILED", "CANCELLED"],
    });
    for (const role of ["PARTNER", "API_KEY", "COURIER"] as const) {
      expect(checkTransition("CREATED", "IN_TRANSIT", role)).toMatchObject({ ok: false, reason: "invalid" });
    }
    expect(checkTransition("ASSIGNED", "IN_TRANSIT", "ADMIN")).toMatchObject({ ok: true });
  });

  it("refuses a valid move by a role that may not make it as forbidden", () => {
    expect(checkTransition("ASSIGNED", "IN_TRANSIT", "PARTNER")).toMatchObject({
      ok: false,
      reason: "forbidden",
      allowed: ["CANCELLED"],
    });
  });

  it("requires a reason for FAILED and only for FAILED", () => {
    expect(checkTransition("IN_TRANSIT", "FAILED", "ADMIN")).toMatchObject({ ok: false, reason: "reason_required" });
    expect(checkTransition("ASSIGNED", "FAILED", "ADMIN")).toMatchObject({ ok: false, reason: "reason_required" });
    expect(checkTransition("IN_TRANSIT", "FAILED", "ADMIN", "Address not found")).toMatchObject({ ok: true });
    expect(checkTransition("CREATED", "CANCELLED", "PARTNER")).toMatchObject({ ok: true });
    expect(checkTransition("ASSIGNED", "CANCELLED", "API_KEY")).toMatchObject({ ok: true });
  });
});

describe("re-attempts", () => {
  afterEach(() => {
    delete process.env.DELIVERY_MAX_ATTEMPTS;
  });

  it("moves a FAILED delivery back to CREATED, or to ASSIGNED keeping the courier", () => {
    const plain = checkReattempt("FAILED", "PARTNER", 1, false);
    expect(plain.ok && [plain.transition.to, plain.transition.assignee]).toEqual(["CREATED", "clear"]);
    const kept = checkReattempt("FAILED", "ADMIN", 2, true);
    expect(kept.ok && [kept.transition.to, kept.transition.assignee]).toEqual(["ASSIGNED", "keep"]);
    expect(checkReattempt("FAILED", "API_KEY", 1, false).ok).toBe(true);
  });

  it("refuses other statuses, couriers and attempts at the limit", () => {
    for (const from of DELIVERY_STATUSES.filter((s) => s !== "FAILED")) {
      expect(checkReattempt(from, "ADMIN", 1, false)).toEqual({ ok: false, reason: "invalid" });
    }
    expect(checkReattempt("FAILED", "COURIER", 1, false)).toEqual({ ok: false, reason: "forbidden" });
    expect(checkReattempt("FAILED", "ADMIN", 3, false)).toEqual({ ok: false, reason: "limit" });
    expect(canReattempt("FAILED", "PARTNER", 2)).toBe(true);
    expect(canReattempt("FAILED", "PARTNER", 3)).toBe(false);
  });

  it("takes the limit from DELIVERY_MAX_ATTEMPTS and ignores nonsense there", () => {
    process.env.DELIVERY_MAX_ATTEMPTS = "5";
    expect(maxAttempts()).toBe(5);
    expect(checkReattempt("FAILED", "ADMIN", 4, false).ok).toBe(true);
    process.env.DELIVERY_MAX_ATTEMPTS = "0";
    expect(maxAttempts()).toBe(3);
  });

  it("stays out of the status and assignment endpoints: FAILED is still final there", () => {
    expect(isFinal("FAILED")).toBe(true);
    expect(nextStatuses("FAILED")).toEqual([]);
    expect(checkTransition("FAILED", "CREATED", "ADMIN").ok).toBe(false);
    expect(assignmentTransition("FAILED", false)).toBeUndefined();
    expect(canUnassign("FAILED", "ADMIN")).toBe(false);
  });
});
