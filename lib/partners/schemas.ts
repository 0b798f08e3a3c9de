import { z } from "zod";
import { lineText, text } from "@/lib/core/text";
import { timeZoneSchema } from "@/lib/deliveries/windows";

export const createPartnerSchema = z.strictObject({
  name: text().trim().min(2, "At least 2 characters").max(120, "At most 120 characters"),
  contactEmail: z.preprocess(
    (v) => (v === null || (typeof v === "string" && v.trim() === "") ? undefined : v),
    lineText().trim().toLowerCase().pipe(z.email("Not a valid email address")).optional(),
  ),
});

export type CreatePartnerInput = z.infer<typeof createPartnerSchema>;

/** Proof of delivery a partner asks for. */
export const PROOF_REQUIREMENTS = ["NONE", "CODE", "PHOTO", "SIGNATURE"] as const;

export const setPartnerProofSchema = z.strictObject({
  id: z.uuid(),
  proofOfDelivery: z.enum(PROOF_REQUIREMENTS, "Choose none, code, photo or signature"),
});

export type SetPartnerProofInput = z.infer<typeof setPartnerProofSchema>;

/** A partner's time zone: the zone its delivery windows are entered and shown in. */
export const setPartnerTimeZoneSchema = z.strictObject({
  id: z.uuid(),
  timeZone: timeZoneSchema,
});

export type SetPartnerTimeZoneInput = z.infer<typeof setPartnerTimeZoneSchema>;
