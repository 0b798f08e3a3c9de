"use server";

import { revalidatePath } from "next/cache";
import { runFormAction } from "@/lib/api/form-action";
import { PAGES } from "@/lib/auth/pages";
import { setPartnerTimeZoneSchema } from "@/lib/partners/schemas";
import { setPartnerTimeZone } from "@/lib/partners/set-partner-time-zone";
import type { TimeZoneState } from "@/components/partners/time-zone-form";

/** The partner settings page and the admin's partners page both save a time zone with this. */
export async function setPartnerTimeZoneAction(_state: TimeZoneState, form: FormData): Promise<TimeZoneState> {
  return runFormAction({
    permission: "partners.settings",
    schema: setPartnerTimeZoneSchema,
    form,
    hidden: { fields: ["id"], message: "This request is not valid; reload the page." },
    revalidate: PAGES.partnerSettings.href,
    run: async (actor, input) => {
      const partner = await setPartnerTimeZone({ actor, input });
      revalidatePath(PAGES.partners.href);
      return partner;
    },
    ok: (p) => `${p.name} now uses the time zone ${p.timeZone}.`,
  });
}
