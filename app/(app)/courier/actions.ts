"use server";

import { runFormAction, type FormState } from "@/lib/api/form-action";
import { transitionFormSchema } from "@/lib/deliveries/schemas";
import { isFinal } from "@/lib/deliveries/state-machine";
import { statusWord } from "@/lib/deliveries/status-labels";
import { transitionDelivery } from "@/lib/deliveries/transition-delivery";

/** A courier's moves (start, complete with a code, fail with a reason): the API's body and rules. */
export async function courierMoveAction(_state: FormState, form: FormData): Promise<FormState> {
  return runFormAction({
    permission: "deliveries.transition",
    schema: transitionFormSchema,
    form,
    hidden: { fields: ["id", "version", "status"], message: "This delivery changed meanwhile; reload the page." },
    revalidate: "/courier",
    run: (actor, { id, version, ...input }) => transitionDelivery({ actor, id, input, expectedVersion: version }),
    ok: (d) => `${d.trackingCode} is now ${statusWord(d.status)}.`,
    // Done with it: back to the list, which says so.
    redirect: (d) => (isFinal(d.status) ? `/courier?done=${d.trackingCode}&status=${d.status}` : ""),
    onError: (error) =>
      error.code === "precondition_failed"
        ? { error: "Dispatch changed this delivery meanwhile; the page now shows it as it is." }
        : undefined,
  });
}
