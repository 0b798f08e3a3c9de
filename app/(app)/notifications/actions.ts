"use server";

import { z } from "zod";
import { runFormAction, type FormState } from "@/lib/api/form-action";
import { markAllNotificationsRead, markNotificationRead } from "@/lib/notifications/list-notifications";
import { markNotificationReadSchema } from "@/lib/notifications/schemas";

const PAGE = "/notifications";

export async function markNotificationReadAction(_state: FormState, form: FormData): Promise<FormState> {
  return runFormAction({
    permission: "notifications.read",
    schema: markNotificationReadSchema,
    form,
    revalidate: PAGE,
    run: (actor, { id }) => markNotificationRead({ actor, id }),
  });
}

export async function markAllNotificationsReadAction(_state: FormState, form: FormData): Promise<FormState> {
  return runFormAction({
    permission: "notifications.read",
    schema: z.strictObject({}),
    form,
    revalidate: PAGE,
    run: (actor) => markAllNotificationsRead({ actor }),
  });
}
