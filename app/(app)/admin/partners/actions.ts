"use server";

import { runFormAction, type FormState } from "@/lib/api/form-action";
import { createPartner } from "@/lib/partners/create-partner";
import { createPartnerSchema, setPartnerProofSchema } from "@/lib/partners/schemas";
import { setPartnerProof } from "@/lib/partners/set-partner-proof";
import { setPartnerActive } from "@/lib/partners/set-partner-active";
import { createUser } from "@/lib/users/create-user";
import { createCourierSchema, createPartnerUserSchema, setActiveSchema } from "@/lib/users/schemas";
import { setUserActive } from "@/lib/users/set-user-active";

const PAGE = "/admin/partners";

export async function createPartnerAction(_state: FormState, form: FormData): Promise<FormState> {
  return runFormAction({
    permission: "partners.manage",
    schema: createPartnerSchema,
    form,
    revalidate: PAGE,
    run: (actor, input) => createPartner({ actor, input }),
    ok: (p) => `Partner ${p.name} created.`,
  });
}

export async function createPartnerUserAction(_state: FormState, form: FormData): Promise<FormState> {
  return runFormAction({
    permission: "users.manage",
    schema: createPartnerUserSchema,
    form,
    revalidate: PAGE,
    run: (actor, input) => createUser({ actor, input: { ...input, role: "PARTNER" } }),
    ok: (u) => `User ${u.email} created. Share the password with them securely.`,
  });
}

export async function setPartnerActiveAction(_state: FormState, form: FormData): Promise<FormState> {
  return runFormAction({
    permission: "partners.manage",
    schema: setActiveSchema,
    form,
    revalidate: PAGE,
    run: (actor, input) => setPartnerActive({ actor, input }),
    ok: (p) =>
      p.active ? `${p.name} is active again.` : `${p.name} is deactivated: its users and API keys no longer work.`,
  });
}

export async function setUserActiveAction(_state: FormState, form: FormData): Promise<FormState> {
  return runFormAction({
    permission: "users.manage",
    schema: setActiveSchema,
    form,
    revalidate: PAGE,
    run: (actor, input) => setUserActive({ actor, input }),
    ok: (u) => (u.active ? `${u.email} can sign in again.` : `${u.email} is deactivated and signed out.`),
  });
}

export async function createCourierAction(_state: FormState, form: FormData): Promise<FormState> {
  return runFormAction({
    permission: "users.manage",
    schema: createCourierSchema,
    form,
    revalidate: PAGE,
    run: (actor, input) => createUser({ actor, input: { ...input, role: "COURIER" } }),
    ok: (u) => `Courier ${u.email} created. Share the password with them securely.`,
  });
}

export type ProofState = FormState<Awaited<ReturnType<typeof setPartnerProof>>>;

export async function setPartnerProofAction(_state: ProofState, form: FormData): Promise<ProofState> {
  return runFormAction({
    permission: "partners.manage",
    schema: setPartnerProofSchema,
    form,
    hidden: { fields: ["id"], message: "This request is not valid; reload the page." },
    revalidate: PAGE,
    run: (actor, input) => setPartnerProof({ actor, input }),
    ok: (p) => `${p.name} now asks for proof of delivery: ${p.proofOfDelivery.toLowerCase()}.`,
  });
}
