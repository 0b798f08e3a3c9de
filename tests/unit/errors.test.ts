import { describe, expect, it } from "vitest";
import { problemFor } from "@/lib/api/problem";
import { AppError, toAppError, uniqueViolation } from "@/lib/core/errors";
import { problem } from "@/lib/api/responses";

describe("problem mapping", () => {
  it("renders RFC 9457 fields with extensions", () => {
    const error = new AppError("invalid_transition", "A COMPLETED delivery cannot move to CREATED.", {
      allowedTransitions: [],
    });
    expect(problemFor(error, "urn:request:abc")).toEqual({
      type: "/problems/invalid-transition",
      title: "Invalid status transition",
      status: 409,
      detail: "A COMPLETED delivery cannot move to CREATED.",
      instance: "urn:request:abc",
      allowedTransitions: [],
    });
  });

  it.each([
    ["validation_failed", 400],
    ["unauthenticated", 401],
    ["forbidden", 403],
    ["not_found", 404],
    ["precondition_failed", 412],
    ["payload_too_large", 413],
    ["unsupported_media_type", 415],
    ["idempotency_key_reused", 422],
    ["service_unavailable", 503],
  ] as const)("maps %s to %i", (code, status) => {
    expect(new AppError(code, "x").status).toBe(status);
  });

  it("hides unexpected errors behind a generic 500", () => {
    const mapped = toAppError(new Error('relation "Delivery" does not exist at SELECT * FROM secrets'));
    expect(mapped.status).toBe(500);
    expect(mapped.message).not.toMatch(/relation|SELECT/);
  });

  it("reports an unreachable database as 503", () => {
    expect(
      toAppError(Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" })).status,
    ).toBe(503);
    expect(toAppError({ cause: { code: "57P01" } }).status).toBe(503);
    // What a raw query reports (P2010) while the server is down or just went away.
    for (const message of [
      "Raw query failed. Code: `N/A`. Message: `Can't reach database server at 127.0.0.1:5432`",
      "Raw query failed. Code: `N/A`. Message: `Server has closed the connection.`",
    ]) {
      expect(toAppError(Object.assign(new Error(message), { code: "P2010" })).status, message).toBe(503);
    }
  });

  it("answers with application/problem+json and a bearer challenge on 401", async () => {
    const res = problem(new AppError("unauthenticated", "Sign in"), "req-1");
    expect(res.status).toBe(401);
    expect(res.headers.get("content-type")).toMatch(/^application\/problem\+json/);
    expect(res.headers.get("www-authenticate")).toMatch(/^Bearer/);
    expect(await res.json()).toMatchObject({ status: 401, instance: "urn:request:req-1" });
  });
});

describe("unique violations", () => {
  // The shapes Prisma 7.10 with @prisma/adapter-pg throws, as captured from a real duplicate insert.
  const adapterError = (index: string) => ({
    name: "DriverAdapterError",
    cause: {
      originalCode: "23505",
      originalMessage: `duplicate key value violates unique constraint "${index}"`,
      kind: "UniqueConstraintViolation",
      constraint: { index },
      table: "User",
    },
  });
  const fromModel = Object.assign(new Error("Unique constraint failed on the constraint: `User_email_key`"), {
    code: "P2002",
    meta: { driverAdapterError: adapterError("User_email_key"), modelName: "User" },
  });
  const fromRaw = Object.assign(new Error("Raw query failed. Code: `23505`."), {
    code: "P2010",
    meta: { driverAdapterError: adapterError("Delivery_trackingCode_key") },
  });

  it("names the violated index of a model call and of a raw query", () => {
    expect(uniqueViolation(fromModel)).toEqual({ constraint: "User_email_key" });
    expect(uniqueViolation(fromRaw)).toEqual({ constraint: "Delivery_trackingCode_key" });
    expect(uniqueViolation(adapterError("Partner_slug_key"))).toEqual({ constraint: "Partner_slug_key" });
    expect(uniqueViolation({ code: "P2002", meta: { target: ["email"] } })).toEqual({ constraint: "email" });
  });

  it("does not mistake other database errors for one", () => {
    expect(uniqueViolation(new Error("duplicate key"))).toBeNull();
    expect(uniqueViolation({ code: "P2003", meta: { field_name: "partnerId" } })).toBeNull();
    expect(
      uniqueViolation({ code: "P2010", meta: { driverAdapterError: { cause: { originalCode: "22P02" } } } }),
    ).toBeNull();
    expect(uniqueViolation(null)).toBeNull();
  });

  it("maps one that no use case caught to 409, without the index name", () => {
    const mapped = toAppError(fromModel);
    expect(mapped.status).toBe(409);
    expect(problemFor(mapped)).toMatchObject({ type: "/problems/conflict", status: 409 });
    expect(mapped.message).not.toMatch(/User_email_key|constraint/);
  });
});
