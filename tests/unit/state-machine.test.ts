import { describe, expect, it } from "vitest";
import {
  assignmentTransition,
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
        "CREATED->IN_TRANSIT",
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
    expect(nextStatuses("CREATED", "ADMIN").sort()).toEqual(["CANCELLED", "FAILED", "IN_TRANSIT"]);
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

  it("refuses a valid move by a role that may not make it as forbidden", () => {
    expect(checkTransition("CREATED", "IN_TRANSIT", "PARTNER")).toMatchObject({
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
