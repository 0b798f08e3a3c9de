import { describe, expect, it } from "vitest";
import { checkTransition, DELIVERY_STATUSES, isFinal, nextStatuses } from "@/lib/deliveries/state-machine";

describe("delivery state machine", () => {
  it("allows exactly the transitions of DESIGN §4", () => {
    const allowed = DELIVERY_STATUSES.flatMap((from) => nextStatuses(from).map((to) => `${from}->${to}`));
    expect(allowed.sort()).toEqual(
      [
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

  it("lets partners and API keys only cancel a CREATED delivery", () => {
    for (const role of ["PARTNER", "API_KEY"] as const) {
      expect(nextStatuses("CREATED", role)).toEqual(["CANCELLED"]);
      expect(nextStatuses("IN_TRANSIT", role)).toEqual([]);
    }
    expect(nextStatuses("CREATED", "ADMIN").sort()).toEqual(["CANCELLED", "FAILED", "IN_TRANSIT"]);
  });

  it("refuses a move outside the table as invalid, listing what the caller may do", () => {
    expect(checkTransition("COMPLETED", "CREATED", "ADMIN")).toEqual({ ok: false, reason: "invalid", allowed: [] });
    expect(checkTransition("IN_TRANSIT", "CANCELLED", "ADMIN")).toEqual({
      ok: false,
      reason: "invalid",
      allowed: ["COMPLETED", "FAILED"],
    });
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
    expect(checkTransition("IN_TRANSIT", "FAILED", "ADMIN", "Address not found")).toMatchObject({ ok: true });
    expect(checkTransition("CREATED", "CANCELLED", "PARTNER")).toMatchObject({ ok: true });
  });
});
