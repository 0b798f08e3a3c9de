import { afterEach, describe, expect, it, vi } from "vitest";
import { apiRequest, NETWORK_FAILURE } from "@/components/ui/api-client";

const problem = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/problem+json" } });

function answer(response: Response | Error) {
  vi.stubGlobal(
    "fetch",
    vi.fn(async () => (response instanceof Error ? Promise.reject(response) : response)),
  );
}

afterEach(() => vi.unstubAllGlobals());

describe("the browser's API client", () => {
  it("returns the parsed body of a success", async () => {
    answer(Response.json({ id: "abc" }, { status: 201 }));
    expect(await apiRequest<{ id: string }>("/api/v1/imports")).toEqual({ ok: true, status: 201, data: { id: "abc" } });
  });

  it("reads problem+json into its detail and field errors", async () => {
    answer(
      problem(400, {
        title: "Validation failed",
        detail: "The file has errors.",
        errors: [{ path: "deliveryDate", message: "Use YYYY-MM-DD" }, { path: 3 }],
      }),
    );
    expect(await apiRequest("/api/v1/imports")).toEqual({
      ok: false,
      reason: "problem",
      status: 400,
      message: "The file has errors.",
      errors: [{ path: "deliveryDate", message: "Use YYYY-MM-DD" }],
    });
  });

  it("names the status when the answer is not problem+json", async () => {
    answer(new Response("<html>Bad gateway</html>", { status: 502 }));
    expect(await apiRequest("/api/v1/imports")).toMatchObject({
      reason: "problem",
      message: "The server answered 502.",
    });
  });

  it("reports a 401 as an ended session", async () => {
    answer(problem(401, { title: "Authentication required", detail: "Sign in first." }));
    expect(await apiRequest("/api/v1/imports")).toEqual({
      ok: false,
      reason: "signed-out",
      status: 401,
      message: "Sign in first.",
    });
  });

  it("reports a request that never reached the server with the one network message", async () => {
    answer(new TypeError("Failed to fetch"));
    expect(await apiRequest("/api/v1/imports")).toEqual({
      ok: false,
      reason: "network",
      status: 0,
      message: NETWORK_FAILURE,
    });
  });
});
