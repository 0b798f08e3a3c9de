import { describe, expect, it } from "vitest";
import { can, PERMISSIONS, roleCan } from "@/lib/auth/permissions";

describe("permission table", () => {
  it("matches DESIGN §2 for every role", () => {
    const table = Object.fromEntries(
      (["ADMIN", "PARTNER", "COURIER", "API_KEY"] as const).map((role) => [
        role,
        (Object.keys(PERMISSIONS) as (keyof typeof PERMISSIONS)[]).filter((p) => roleCan(role, p)).sort(),
      ]),
    );
    expect(table).toEqual({
      ADMIN: [
        "apiKeys.manage",
        "apiKeys.manageStaff",
        "deliveries.assign",
        "deliveries.bulkDispatch",
        "deliveries.completeWithoutProof",
        "deliveries.create",
        "deliveries.createOnBehalf",
        "deliveries.read",
        "deliveries.readAll",
        "deliveries.reattempt",
        "deliveries.reschedule",
        "deliveries.rescheduleInTransit",
        "deliveries.setEta",
        "deliveries.transition",
        "emails.read",
        "imports.manage",
        "jobs.read",
        "jobs.retry",
        "notifications.read",
        "partners.all",
        "partners.manage",
        "partners.read",
        "partners.settings",
        "users.manage",
        "webhooks.manage",
      ],
      PARTNER: [
        "apiKeys.manage",
        "deliveries.create",
        "deliveries.read",
        "deliveries.reattempt",
        "deliveries.reschedule",
        "deliveries.transition",
        "imports.manage",
        "notifications.read",
        "partners.read",
        "partners.settings",
        "webhooks.manage",
      ],
      COURIER: [
        "deliveries.assignedOnly",
        "deliveries.read",
        "deliveries.setEta",
        "deliveries.transition",
        "notifications.read",
      ],
      API_KEY: [
        "deliveries.create",
        "deliveries.read",
        "deliveries.reattempt",
        "deliveries.reschedule",
        "deliveries.transition",
        "imports.manage",
        "webhooks.manage",
      ],
    });
  });

  it("denies everything to nobody", () => {
    expect(can(null, "deliveries.read")).toBe(false);
    expect(can(undefined, "deliveries.create")).toBe(false);
  });

  it("keeps couriers to their own assignments, without dispatch or admin rights", () => {
    expect(can({ role: "COURIER" }, "deliveries.assignedOnly")).toBe(true);
    expect(can({ role: "COURIER" }, "deliveries.assign")).toBe(false);
    expect(can({ role: "COURIER" }, "deliveries.readAll")).toBe(false);
    expect(can({ role: "COURIER" }, "partners.all")).toBe(false);
  });

  it("lets only admins name the partner a delivery is for, and manage staff keys", () => {
    expect(can({ role: "ADMIN" }, "deliveries.create")).toBe(true);
    for (const role of ["PARTNER", "COURIER", "API_KEY"] as const) {
      expect(can({ role }, "deliveries.createOnBehalf")).toBe(false);
      expect(can({ role }, "apiKeys.manageStaff")).toBe(false);
    }
  });
});
