import { describe, expect, it } from "vitest";
import { priorityFactor, unsupportedPriority } from "@/lib/background/embedded/executor";

const event = (data: Record<string, unknown>) => ({ id: "e", name: "delivery/created", data, ts: 0 });
const YIELD = "has(event.data.importId) ? -600 : 0";

describe("priorityFactor", () => {
  it("reads whole numbers, negative ones too", () => {
    expect(priorityFactor("600")).toBe(600);
    expect(priorityFactor(" -30 ")).toBe(-30);
    expect(priorityFactor(undefined)).toBe(0);
  });
  it("picks a branch by whether the event carries the field", () => {
    expect(priorityFactor(YIELD, event({ importId: "4f1c" }))).toBe(-600);
    expect(priorityFactor(YIELD, event({}))).toBe(0);
    expect(priorityFactor(YIELD, event({ importId: null }))).toBe(0);
  });
  it("counts other expressions 0 and names them unsupported", () => {
    const cel = "event.data.tier == 'enterprise' ? 120 : 0";
    expect(priorityFactor(cel, event({ tier: "enterprise" }))).toBe(0);
    expect(unsupportedPriority(cel)).toBe(true);
    expect(unsupportedPriority(YIELD)).toBe(false);
    expect(unsupportedPriority("12")).toBe(false);
  });
});
