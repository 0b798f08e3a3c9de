// A partner's time zone: set by the partner itself or an admin, refused with a 400 naming the
// field when Intl does not know the zone, stored in its canonical spelling and shown at once.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { setPartnerTimeZone } from "@/lib/partners/set-partner-time-zone";
import { actorsOf, api, createWorld, type World } from "./support";

let world: World;
let as: ReturnType<typeof actorsOf>;

const zoneOf = async (id: string) => (await db.partner.findUniqueOrThrow({ where: { id } })).timeZone;

beforeAll(async () => {
  world = await createWorld();
  as = actorsOf(world);
});

describe("setting a partner's time zone", () => {
  it.each(["Mars/Olympus", "Europe/Nowhere", "", "   ", "../../etc/passwd", "Europe/Berlin\u0000", "x".repeat(200)])(
    "refuses %j with a 400 naming timeZone, and keeps the zone",
    async (timeZone) => {
      const before = await zoneOf(world.partnerA.id);
      const refusal = setPartnerTimeZone({ actor: as.partnerA, input: { id: world.partnerA.id, timeZone } });
      await expect(refusal).rejects.toMatchObject({
        code: "validation_failed",
        status: 400,
        details: { errors: expect.arrayContaining([expect.objectContaining({ path: "timeZone" })]) },
      });
      expect(await zoneOf(world.partnerA.id)).toBe(before);
    },
  );

  it("refuses a value that is no string at all, naming the field", async () => {
    const refusal = setPartnerTimeZone({
      actor: as.partnerA,
      input: { id: world.partnerA.id, timeZone: 42 } as unknown as { id: string; timeZone: string },
    });
    await expect(refusal).rejects.toMatchObject({ status: 400, details: { errors: [{ path: "timeZone" }] } });
  });

  it("stores a known zone in its canonical spelling, for the partner itself", async () => {
    const saved = await setPartnerTimeZone({
      actor: as.partnerA,
      input: { id: world.partnerA.id, timeZone: " america/new_york " },
    });
    expect(saved).toMatchObject({ id: world.partnerA.id, timeZone: "America/New_York" });
    expect(await zoneOf(world.partnerA.id)).toBe("America/New_York");
  });

  it("lets an admin set any partner's zone", async () => {
    await setPartnerTimeZone({ actor: as.admin, input: { id: world.partnerB.id, timeZone: "Asia/Tokyo" } });
    expect(await zoneOf(world.partnerB.id)).toBe("Asia/Tokyo");
  });

  it("answers another partner's id as not found, and changes nothing", async () => {
    const before = await zoneOf(world.partnerA.id);
    await expect(
      setPartnerTimeZone({ actor: as.partnerB, input: { id: world.partnerA.id, timeZone: "Asia/Tokyo" } }),
    ).rejects.toMatchObject({ code: "not_found", status: 404 });
    expect(await zoneOf(world.partnerA.id)).toBe(before);
  });

  it("shows the saved zone on the partner's settings page", async () => {
    await setPartnerTimeZone({ actor: as.partnerA, input: { id: world.partnerA.id, timeZone: "Pacific/Auckland" } });
    const page = await api<string>("GET", "/settings/partner", { as: { cookie: world.partnerA.cookie } });
    expect(page.status).toBe(200);
    expect(page.body).toContain("Pacific/Auckland");
  });
});
