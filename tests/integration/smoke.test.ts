import { beforeAll, describe, expect, it } from "vitest";
import { api, createWorld, deliveryPayload, type World } from "./support";

let world: World;
beforeAll(async () => {
  world = await createWorld();
});

describe("core API smoke", () => {
  it("reports health", async () => {
    const res = await api("GET", "/api/health");
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: "ok", db: "ok" });
    expect(res.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("creates with an API key and replays an identical request", async () => {
    const payload = deliveryPayload();
    const first = await api("POST", "/api/v1/deliveries", { as: { apiKey: world.partnerA.apiKey }, json: payload });
    expect(first.status).toBe(201);
    expect(first.headers.get("location")).toBe(`/api/v1/deliveries/${first.body.id}`);
    const second = await api("POST", "/api/v1/deliveries", { as: world.partnerA, json: payload });
    expect(second.status).toBe(200);
    expect(second.headers.get("idempotent-replayed")).toBe("true");
    expect(second.body.id).toBe(first.body.id);
  });
});
