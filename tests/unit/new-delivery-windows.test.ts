// The new delivery form's windows: local times in the partner's zone → the API's instants, and
// the window rules' messages back beside the input they are about.
import { describe, expect, it } from "vitest";
import { formFieldOf, windowFromForm } from "@/lib/deliveries/window-form";
import { newDeliveryFormSchema } from "@/lib/deliveries/schemas";

const YEAR = new Date().getUTCFullYear() + 1;

describe("the form's window fields", () => {
  it("reads local times in the partner's zone as instants", () => {
    const values = { dropoffWindowFrom: `${YEAR}-01-15T14:00`, dropoffWindowTo: `${YEAR}-01-15T16:00` };
    expect(windowFromForm(values, "dropoffWindow", "America/New_York")).toEqual({
      from: `${YEAR}-01-15T19:00:00.000Z`,
      to: `${YEAR}-01-15T21:00:00.000Z`,
    });
    expect(windowFromForm(values, "dropoffWindow", "Asia/Tokyo")).toEqual({
      from: `${YEAR}-01-15T05:00:00.000Z`,
      to: `${YEAR}-01-15T07:00:00.000Z`,
    });
  });

  it("takes two blank inputs as no window, and leaves a blank one out", () => {
    expect(windowFromForm({ pickupWindowFrom: " ", pickupWindowTo: "" }, "pickupWindow", "UTC")).toBeUndefined();
    expect(windowFromForm({}, "pickupWindow", "UTC")).toBeUndefined();
    expect(windowFromForm({ pickupWindowFrom: `${YEAR}-01-15T09:00` }, "pickupWindow", "UTC")).toEqual({
      from: `${YEAR}-01-15T09:00:00.000Z`,
    });
  });

  it("keeps a time it cannot read as typed, for the schema to name", () => {
    expect(
      windowFromForm({ pickupWindowFrom: `${YEAR}-02-31T09:00`, pickupWindowTo: "soon" }, "pickupWindow", "UTC"),
    ).toEqual({ from: `${YEAR}-02-31T09:00`, to: "soon" });
  });

  it("puts each window error beside its own input", () => {
    expect(formFieldOf("dropoffWindow.to")).toBe("dropoffWindowTo");
    expect(formFieldOf("dropoffWindow.from")).toBe("dropoffWindowFrom");
    expect(formFieldOf("pickupWindow")).toBe("pickupWindowFrom");
    expect(formFieldOf("deliveryDate")).toBe("deliveryDate");
    expect(formFieldOf("recipientName")).toBe("recipientName");
  });
});

describe("the form's schema with windows", () => {
  const base = {
    pickupAddress: "1 A St",
    dropoffAddress: "2 B St",
    recipientName: "Ada",
    idempotencyKey: "k-1",
  };
  const paths = (value: unknown) => {
    const result = newDeliveryFormSchema.safeParse(value);
    return result.success ? [] : result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
  };

  it("needs no delivery date once a drop-off window is given", () => {
    expect(
      paths({ ...base, dropoffWindow: { from: `${YEAR}-01-15T19:00:00.000Z`, to: `${YEAR}-01-15T21:00:00.000Z` } }),
    ).toEqual([]);
    expect(paths(base)).toEqual(["deliveryDate: Required unless dropoffWindow is given"]);
  });

  it("applies the API's window rules to the converted instants", () => {
    expect(
      paths({
        ...base,
        pickupWindow: { from: `${YEAR}-01-15T12:00:00.000Z`, to: `${YEAR}-01-15T11:00:00.000Z` },
        dropoffWindow: { from: `${YEAR}-01-15T08:00:00.000Z`, to: `${YEAR}-01-15T09:00:00.000Z` },
      }),
    ).toEqual([
      "pickupWindow.to: `to` must be after `from`",
      "dropoffWindow.to: The drop-off window must not end before the pickup window starts",
    ]);
  });

  it("names every unreadable window time at once, in the form's words", () => {
    expect(
      paths({
        ...base,
        pickupWindow: { from: `${YEAR}-01-15T12:00:00.000Z` },
        dropoffWindow: { from: "soon", to: `${YEAR}-01-15T09:00:00.000Z` },
      }),
    ).toEqual(["pickupWindow.to: Give both times, or neither", "dropoffWindow.from: Enter a date and time"]);
  });
});
