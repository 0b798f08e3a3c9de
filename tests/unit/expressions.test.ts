import { describe, expect, it } from "vitest";
import { evaluate, priorityFactor, understood } from "@/lib/background/embedded/expressions";

const event = (data: Record<string, unknown>) => ({ id: "e1", name: "delivery/created", data, ts: 0 });
const YIELD = "has(event.data.importId) ? -600 : 0";
const BATCH_KEY = "has(event.data.importId) ? event.data.importId : 'live'";

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
  it("counts other expressions 0 and names them not understood", () => {
    const cel = "event.data.tier == 'enterprise' ? 120 : 0";
    expect(priorityFactor(cel, event({ tier: "enterprise" }))).toBe(0);
    expect(understood(cel)).toBe(false);
    expect(understood(YIELD)).toBe(true);
    expect(understood("12")).toBe(true);
    expect(understood(undefined)).toBe(true);
  });
});

describe("evaluate (keys)", () => {
  it("reads event fields and data fields, strings and numbers only", () => {
    expect(evaluate("event.data.partnerId", event({ partnerId: "p1" }))).toBe("p1");
    expect(evaluate("event.id", event({}))).toBe("e1");
    expect(evaluate("event.data.missing", event({}))).toBeNull();
    expect(evaluate("event.data.nested", event({ nested: { a: 1 } }))).toBeNull();
  });
  it("keys an import's rows by the import and everything else together", () => {
    expect(evaluate(BATCH_KEY, event({ importId: "i-9" }))).toBe("i-9");
    expect(evaluate(BATCH_KEY, event({}))).toBe("live");
    expect(evaluate(`has(event.data.importId) ? event.data.importId : "live"`, event({}))).toBe("live");
  });
  it("does not guess at what it does not understand", () => {
    expect(evaluate("event.data.a + event.data.b", event({ a: 1, b: 2 }))).toBeUndefined();
    expect(evaluate("has(event.data.a) ? size(x) : 0", event({ a: 1 }))).toBeUndefined();
  });
});
