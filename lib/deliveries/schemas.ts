// One zod schema per input: the API, the forms, the OpenAPI document and the tests import these
// and nothing else.
import { z } from "zod";
import { CURSOR_MESSAGE, readCursor } from "@/lib/core/cursor";
import { lineText, text } from "@/lib/core/text";
import { IDEMPOTENCY_DESCRIPTION } from "@/lib/deliveries/idempotency";
import { DELIVERY_STATUSES } from "@/lib/deliveries/state-machine";
import { optionalWindow, refineWindows, windowSchema, type Window } from "@/lib/deliveries/windows";

export const LIMITS = {
  address: 500,
  name: 200,
  phone: 32,
  email: 254,
  productName: 200,
  notes: 2000,
  externalReference: 100,
  reason: 500,
  maxWeightKg: 1000,
  search: 100,
  idempotencyKey: 255,
  /** Rows per page of a list: the API accepts 1 to this many. */
  pageSize: 100,
} as const;

/** Page sizes the web table offers (each at most LIMITS.pageSize); the first is the default. */
export const TABLE_PAGE_SIZES = [20, 50, 100] as const;

/** Absent, null and blank all mean "not given" for optional fields. */
function blankToUndefined(value: unknown) {
  if (value === null) return undefined;
  if (typeof value === "string" && value.trim() === "") return undefined;
  return value;
}

/**
 * Never NUL or other controls; tabs and line breaks are whitespace (a spreadsheet cell may hold
 * them), which the canonical form collapses.
 */
const requiredText = (max: number) => text().trim().min(1, "Required").max(max, `At most ${max} characters`);
const optionalText = (max: number) => z.preprocess(blankToUndefined, requiredText(max).optional());

/** Whole grams: the number is exactly what its 3-decimal rounding reads back as. */
export const hasGramPrecision = (kg: number) => Number(kg.toFixed(3)) === kg;

export function todayUtc(): string {
  return new Date().toISOString().slice(0, 10);
}

/** A new delivery is for today (UTC) or later; a replay of an accepted one is not judged again. */
export const DELIVERY_DATE_RULE = "Must be today or later";
export const isBookableDate = (date: string) => date >= todayUtc();

/**
 * What the document says about the date rule. JSON Schema cannot compare a value with the day the
 * request arrives (`format: date` checks the shape only; `minimum` is for numbers and fixed), so
 * no schema validator can know it: the server checks it and answers 400 naming `deliveryDate`.
 */
export const DELIVERY_DATE_DESCRIPTION =
  "Day of delivery, YYYY-MM-DD. Must be today or later, where today is the current date in UTC when the " +
  "request arrives (so from 00:00 UTC, not local midnight). JSON Schema cannot express a bound relative to " +
  "the current day, so a schema validator accepts past dates; the server refuses them with 400 naming " +
  "`deliveryDate`. A retry of a request already accepted replays it even after that day.";

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The date rule beside the other field errors, so one answer names every problem. It runs only
 * when something else is already wrong: such a request can be no replay of an accepted one, whereas
 * a request valid but for its date may be (createDelivery decides that, then applies the rule).
 */
function dateRuleWithOtherErrors(value: unknown, ctx: z.RefinementCtx) {
  const date = value && typeof value === "object" ? (value as { deliveryDate?: unknown }).deliveryDate : undefined;
  if (typeof date !== "string" || !ISO_DATE.test(date) || isBookableDate(date)) return;
  // At runtime the context is the parse payload: its issues are the ones found so far.
  const found = (ctx as unknown as { issues: { path?: PropertyKey[] }[] }).issues;
  if (found.some((issue) => issue.path?.[0] === "deliveryDate")) return;
  ctx.addIssue({ code: "custom", path: ["deliveryDate"], message: DELIVERY_DATE_RULE, input: date });
}

/** Runs the rule only when the payload already has issues (see dateRuleWithOtherErrors). */
const withDateRule = { when: (payload: { issues: unknown[] }) => payload.issues.length > 0 };

export const DELIVERY_DATE_OR_WINDOW = "Required unless dropoffWindow is given";

const PICKUP_WINDOW_DESCRIPTION =
  "When the courier may collect it: `{ from, to }`, instants with an offset, answered in UTC. `to` after " +
  "`from`, at most 12 hours wide by default, not ended.";
const DROPOFF_WINDOW_DESCRIPTION =
  "When the recipient expects it, as pickupWindow; must not end before the pickup window starts. " +
  "`deliveryDate` is then the day the window starts in the partner's time zone (send it too only if it agrees).";

/** A window that parsed (the refinement runs even when a field failed, and then sees its raw input). */
const parsedWindow = (value: unknown): Window | undefined => windowSchema.safeParse(value).data;

/**
 * Across fields, beside every other error: the windows' rules (lib/deliveries/windows.ts), and a
 * delivery date unless a drop-off window gives it.
 */
function scheduleRules(value: unknown, ctx: z.RefinementCtx) {
  const fields = (value && typeof value === "object" ? value : {}) as Record<string, unknown>;
  refineWindows(
    { pickupWindow: parsedWindow(fields.pickupWindow), dropoffWindow: parsedWindow(fields.dropoffWindow) },
    ctx,
  );
  if (fields.deliveryDate === undefined && fields.dropoffWindow === undefined) {
    ctx.addIssue({ code: "custom", path: ["deliveryDate"], message: DELIVERY_DATE_OR_WINDOW, input: value });
  }
}

const always = { when: () => true };

export const deliveryStatusSchema = z.enum(DELIVERY_STATUSES).meta({ id: "DeliveryStatus" });

const isoDate = z.iso.date("Use the format YYYY-MM-DD");

/** The create request's fields, without the cross-field rule (so the form can extend them). */
const createDeliveryFields = z.strictObject({
  pickupAddress: requiredText(LIMITS.address).meta({ example: "12 Market St, Springfield" }),
  dropoffAddress: requiredText(LIMITS.address).meta({ example: "4 Elm Rd, Springfield" }),
  recipientName: requiredText(LIMITS.name).meta({ example: "Ada Lovelace" }),
  recipientPhone: z.preprocess(
    blankToUndefined,
    lineText()
      .trim()
      .max(LIMITS.phone, `At most ${LIMITS.phone} characters`)
      .regex(/^\+?[0-9][0-9 ()./-]{3,}$/, "Digits, spaces and + ( ) . - only")
      .optional(),
  ),
  // Normalised before the check, so the document's `format: email` is the check itself.
  recipientEmail: z.preprocess(
    (v) => {
      const given = blankToUndefined(v);
      return typeof given === "string" ? given.trim().toLowerCase() : given;
    },
    z.email("Not a valid email address").max(LIMITS.email, `At most ${LIMITS.email} characters`).optional(),
  ),
  productName: optionalText(LIMITS.productName),
  packageWeightKg: z
    .preprocess(
      (v) => (v === null ? undefined : v),
      z
        .number({ error: "Must be a number" })
        .positive("Must be greater than 0")
        .max(LIMITS.maxWeightKg, `At most ${LIMITS.maxWeightKg} kg`)
        // Stored as NUMERIC(10,3): more decimals would be rounded away (0.0004 kg became 0).
        // Exact, where zod's multipleOf tolerates float noise (0.30000000000000004 would pass it).
        .refine(hasGramPrecision, "At most 3 decimal places (whole grams)")
        .optional(),
      // The document states the rule as JSON Schema's multipleOf (the refine above is the exact check).
    )
    .meta({ multipleOf: 0.001 }),
  // "Today or later" is judged by createDelivery once it knows the request is not a retry of one
  // accepted on an earlier day, or here beside other errors (dateRuleWithOtherErrors).
  deliveryDate: isoDate.optional().meta({ description: DELIVERY_DATE_DESCRIPTION, example: "2030-01-15" }),
  pickupWindow: optionalWindow.meta({ description: PICKUP_WINDOW_DESCRIPTION }),
  dropoffWindow: optionalWindow.meta({ description: DROPOFF_WINDOW_DESCRIPTION }),
  notes: optionalText(LIMITS.notes),
  externalReference: optionalText(LIMITS.externalReference).meta({
    description: "Your own order id; searchable with `q`.",
  }),
});

export const createDeliverySchema = createDeliveryFields
  .superRefine(scheduleRules, always)
  .superRefine(dateRuleWithOtherErrors, withDateRule);

export type CreateDeliveryInput = z.infer<typeof createDeliverySchema>;

const onBehalfOfField = z.uuid("Choose a partner").optional().meta({
  description: "Admins and admin API keys: the partner the delivery is for (required). Partners may not send it.",
});

/** POST /api/v1/deliveries: the create request, plus the partner staff create it for. */
export const createDeliveryRequestSchema = createDeliveryFields
  .extend({ partnerId: onBehalfOfField })
  .superRefine(scheduleRules, always)
  .superRefine(dateRuleWithOtherErrors, withDateRule)
  // The one cross-field rule JSON Schema can say: a delivery date, or a drop-off window to derive it from.
  .meta({ id: "CreateDeliveryRequest", anyOf: [{ required: ["deliveryDate"] }, { required: ["dropoffWindow"] }] });

export const transitionDeliverySchema = z
  .strictObject({
    status: deliveryStatusSchema,
    reason: optionalText(LIMITS.reason).meta({ description: "Required when moving to FAILED." }),
    code: z
      .preprocess(
        blankToUndefined,
        z
          .string()
          .trim()
          .regex(/^[0-9]{6}$/, "Six digits")
          .optional(),
      )
      .meta({
        description:
          "Completing for a partner that asks for a delivery code: the 6 digits the recipient received. Limited attempts.",
      }),
  })
  .meta({ id: "TransitionRequest" });

export type TransitionDeliveryInput = z.infer<typeof transitionDeliverySchema>;

const windowRules = (value: { pickupWindow?: Window; dropoffWindow?: Window }, ctx: z.RefinementCtx) =>
  refineWindows(value, ctx);

/** POST /api/v1/deliveries/{id}/reschedule: new window(s); a window left out stays as it is. */
export const rescheduleDeliverySchema = z
  .strictObject({
    pickupWindow: optionalWindow.meta({ description: "The new pickup window; absent keeps the current one." }),
    dropoffWindow: optionalWindow.meta({ description: "The new drop-off window; absent keeps the current one." }),
    reason: requiredText(LIMITS.reason).meta({ description: "Why: shown in the history and to the partner." }),
  })
  .superRefine((value, ctx) => {
    if (!value.pickupWindow && !value.dropoffWindow) {
      ctx.addIssue({
        code: "custom",
        path: ["dropoffWindow"],
        message: "Give a new pickupWindow or dropoffWindow",
        input: value,
      });
    }
    windowRules(value, ctx);
  })
  .meta({ id: "RescheduleRequest" });

export type RescheduleDeliveryInput = z.infer<typeof rescheduleDeliverySchema>;

/** POST /api/v1/deliveries/{id}/reattempt: a FAILED delivery's next attempt, with its new drop-off window. */
export const reattemptDeliverySchema = z
  .strictObject({
    dropoffWindow: windowSchema.meta({ description: "When the next attempt is to arrive." }),
    pickupWindow: optionalWindow.meta({ description: "A new pickup window; absent clears the old one." }),
    keepCourier: z
      .boolean()
      .default(false)
      .meta({ description: "true: back to ASSIGNED with the same courier; false: back to CREATED, unassigned." }),
  })
  .superRefine(windowRules)
  .meta({ id: "ReattemptRequest" });

export type ReattemptDeliveryInput = z.infer<typeof reattemptDeliverySchema>;

/** How far ahead an ETA may be. */
export const ETA_MAX_HOURS = 24;

/** PUT /api/v1/deliveries/{id}/eta: an instant, or minutes from now (the courier's "in 20 minutes"). */
export const setEtaSchema = z
  .strictObject({
    eta: windowSchema.shape.from.optional().meta({ description: "The estimated arrival (ISO 8601 with offset)." }),
    inMinutes: z
      .number({ error: "Must be a number" })
      .int("Whole minutes")
      .min(1, "At least 1")
      .max(ETA_MAX_HOURS * 60, `At most ${ETA_MAX_HOURS * 60}`)
      .optional()
      .meta({ description: "Instead of `eta`: minutes from now." }),
  })
  .superRefine((value, ctx) => {
    if ((value.eta === undefined) === (value.inMinutes === undefined)) {
      ctx.addIssue({ code: "custom", path: ["eta"], message: "Give either eta or inMinutes", input: value });
    }
  })
  .meta({ id: "EtaRequest" });

export type SetEtaInput = z.infer<typeof setEtaSchema>;

/** The delivery page's schedule dialogs: the API's bodies plus which delivery and the version shown. */
const pageTarget = { id: z.string(), version: z.coerce.number().int().min(1) };
export const rescheduleFormSchema = rescheduleDeliverySchema.safeExtend(pageTarget);
export const reattemptFormSchema = reattemptDeliverySchema.safeExtend(pageTarget);
export const etaFormSchema = setEtaSchema.safeExtend(pageTarget);

/** PUT /api/v1/deliveries/{id}/assignment: a courier's user id, or null to unassign. */
export const assignDeliverySchema = z
  .strictObject({
    assigneeId: z.uuid().nullable().meta({ description: "The courier's user id; null unassigns (back to CREATED)." }),
  })
  .meta({ id: "AssignmentRequest" });

export type AssignDeliveryInput = z.infer<typeof assignDeliverySchema>;

/** The delivery page's assign control: the API's body plus which delivery and the version shown. */
export const assignFormSchema = z.strictObject({
  id: z.string(),
  version: z.coerce.number().int().min(1),
  assigneeId: z.preprocess((v) => (v === "" ? null : v), z.uuid("Choose a courier").nullable()),
});

/** The delivery page's buttons: the API's body plus which delivery, and the version the page showed. */
export const transitionFormSchema = transitionDeliverySchema.extend({
  id: z.string(),
  version: z.coerce.number().int().min(1),
});

/**
 * `Idempotency-Key`: 1–LIMITS.idempotencyKey printable ASCII characters but the comma. Two headers
 * reach the handler joined by ", ", so a comma can only mean a second header, which the draft
 * standard refuses (400) rather than reading as one key.
 */
export const idempotencyKeySchema = z
  .string()
  .min(1, "Must not be empty")
  .max(LIMITS.idempotencyKey, `At most ${LIMITS.idempotencyKey} characters`)
  .regex(/^[\x20-\x7E]+$/, "Printable ASCII characters only")
  .regex(/^[^,]+$/, "Send one Idempotency-Key header; a key may not contain a comma")
  // The generator writes only the first pattern; the document carries both rules as one.
  .meta({ description: IDEMPOTENCY_DESCRIPTION, pattern: "^[\\x20-\\x2B\\x2D-\\x7E]+$" });

/**
 * One of the form's windows: the API's window, with messages for two datetime-local inputs. The
 * action turns the local times (in the partner's zone) into instants before this runs; a time it
 * could not read arrives as typed, a blank one as absent.
 */
const formInstant = z.iso
  .datetime({
    offset: true,
    error: (issue) => (issue.input === undefined ? "Give both times, or neither" : "Enter a date and time"),
  })
  .transform((value) => new Date(value).toISOString());
const formWindow = z.strictObject({ from: formInstant, to: formInstant }).optional();

/**
 * The new-delivery form: the API's body, plus the form's idempotency key (a hidden field), with
 * its windows as the action hands them over (see formInstant).
 */
export const newDeliveryFormSchema = createDeliveryFields
  .extend({
    pickupWindow: formWindow,
    dropoffWindow: formWindow,
    idempotencyKey: idempotencyKeySchema,
    partnerId: z.preprocess((v) => (v === "" ? undefined : v), onBehalfOfField),
  })
  .superRefine(scheduleRules, always)
  .superRefine(dateRuleWithOtherErrors, withDateRule);

const dateOrDateTime = z.union([z.iso.datetime({ offset: true }), isoDate]);

/** The courier filter's value for "nobody has it yet" (dispatch's queue). */
export const UNASSIGNED = "none";

export const listDeliveriesQuerySchema = z
  .object({
    status: z.array(deliveryStatusSchema).optional().meta({ description: "Repeat to match several statuses." }),
    q: lineText().trim().max(LIMITS.search).optional().meta({
      description:
        "Matches tracking code, external reference, recipient name and addresses (substring, case-insensitive).",
    }),
    from: dateOrDateTime.optional().meta({ description: "Created at or after (date or date-time)." }),
    to: dateOrDateTime.optional().meta({ description: "Created at or before; a bare date includes that whole day." }),
    partnerId: z.uuid().optional().meta({ description: "Admins only: one partner's deliveries." }),
    assigneeId: z
      .union([z.uuid(), z.literal(UNASSIGNED)])
      .optional()
      .meta({
        description: `Admins only: the deliveries assigned to one courier, or \`${UNASSIGNED}\` for those nobody has (a courier only ever sees theirs).`,
      }),
    import: z.uuid().optional().meta({
      description:
        "The deliveries of one CSV import: its file's valid rows, whether the import created them or they existed before.",
    }),
    late: z
      .enum(["true", "false"], { error: "true or false" })
      .transform((v) => v === "true")
      .optional()
      .meta({ description: "true: only late deliveries (drop-off window ended, not delivered); false: none of them." }),
    limit: z.coerce.number().int().min(1).max(LIMITS.pageSize).default(TABLE_PAGE_SIZES[0]),
    cursor: lineText()
      // Blank means "first page", as before; anything else must decode to a cursor we wrote.
      .refine((value) => value === "" || readCursor(value) !== null, CURSOR_MESSAGE)
      .optional()
      .meta({ description: "Opaque; `nextCursor` of the previous page." }),
  })
  .meta({ id: "ListDeliveriesQuery" });

export type ListDeliveriesQuery = z.infer<typeof listDeliveriesQuerySchema>;

/**
 * Orders the web table offers; each is backed by an index on (column, id). The API lists newest
 * first. `dueAt` is when a delivery is due: its drop-off window's end, else the end of its day.
 */
export const DELIVERY_SORTS = [
  "createdAt.desc",
  "createdAt.asc",
  "deliveryDate.asc",
  "deliveryDate.desc",
  "dueAt.asc",
  "dueAt.desc",
] as const;
export type DeliverySort = { by: "createdAt" | "deliveryDate" | "dueAt"; dir: "asc" | "desc" };

export function parseSort(value: (typeof DELIVERY_SORTS)[number]): DeliverySort {
  const [by, dir] = value.split(".") as [DeliverySort["by"], DeliverySort["dir"]];
  return { by, dir };
}

/** The web table's URL state: the API's filters, plus a sort and a page size people can pick. */
export const deliveryTableQuerySchema = listDeliveriesQuerySchema.extend({
  sort: z.enum(DELIVERY_SORTS).default("createdAt.desc"),
  limit: z.coerce
    .number()
    .int()
    .refine(
      (n) => (TABLE_PAGE_SIZES as readonly number[]).includes(n),
      `Choose ${TABLE_PAGE_SIZES.slice(0, -1).join(", ")} or ${TABLE_PAGE_SIZES.at(-1)}`,
    )
    .default(TABLE_PAGE_SIZES[0]),
});

export type DeliveryTableQuery = z.infer<typeof deliveryTableQuerySchema>;

/** A CSV export: the list's filters and the table's sorts; no pages (the whole view). */
export const exportDeliveriesQuerySchema = listDeliveriesQuerySchema
  .omit({ limit: true, cursor: true })
  .extend({ sort: z.enum(DELIVERY_SORTS).default("createdAt.desc") })
  .meta({ id: "ExportDeliveriesQuery" });

export const deliverySchema = z
  .object({
    id: z.uuid(),
    trackingCode: z.string().meta({ example: "DLV-7Q4K9M2X" }),
    status: deliveryStatusSchema,
    pickupAddress: z.string(),
    dropoffAddress: z.string(),
    recipientName: z.string(),
    recipientPhone: z.string().nullable(),
    recipientEmail: z.string().nullable(),
    productName: z.string().nullable(),
    packageWeightKg: z.number().nullable(),
    deliveryDate: z.string().meta({ example: "2030-01-15" }),
    notes: z.string().nullable(),
    externalReference: z.string().nullable(),
    pickupWindow: z.union([windowSchema, z.null()]),
    dropoffWindow: z.union([windowSchema, z.null()]),
    late: z.boolean().meta({ description: "Its drop-off window has ended and it is neither delivered nor closed." }),
    eta: z.iso.datetime().nullable().meta({ description: "The courier's estimated arrival, once on the way." }),
    attempt: z.number().int().min(1).meta({ description: "1, then one more for each re-attempt after a failure." }),
    partner: z.object({ id: z.uuid(), name: z.string() }),
    assignee: z
      .object({ id: z.uuid(), name: z.string().nullable() })
      .nullable()
      .meta({ description: "The courier who has the delivery (ASSIGNED and later); null while unassigned." }),
    version: z.number().int(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    trackingUrl: z.url(),
  })
  .meta({ id: "Delivery" });

export type DeliveryDto = z.infer<typeof deliverySchema>;

export const deliveryPageSchema = z
  .object({ data: z.array(deliverySchema), nextCursor: z.string().nullable() })
  .meta({ id: "DeliveryPage" });

export const statusEventSchema = z
  .object({
    id: z.uuid(),
    // A union, not .nullable(): the generator would write allOf [status, nullable], which no null satisfies.
    from: z.union([deliveryStatusSchema, z.null()]).meta({ description: "null for the first event (creation)." }),
    to: deliveryStatusSchema,
    actor: z.object({ kind: z.enum(["USER", "API_KEY", "SYSTEM"]), id: z.string().nullable() }),
    reason: z.string().nullable(),
    assigneeId: z.uuid().nullable().meta({ description: "The courier who has the delivery after this change." }),
    kind: z.enum(["STATUS", "RESCHEDULE", "REATTEMPT"]).meta({
      description:
        "STATUS: a move; RESCHEDULE: new windows (from = to); REATTEMPT: FAILED back to work as the next attempt.",
    }),
    details: z.record(z.string(), z.unknown()).nullable().meta({
      description: "RESCHEDULE: `previous`, `pickupWindow`, `dropoffWindow`; REATTEMPT: `attempt`, `dropoffWindow`.",
    }),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: "StatusEvent" });

export const statusHistorySchema = z.object({ data: z.array(statusEventSchema) }).meta({ id: "StatusHistory" });

export const trackingSchema = z
  .object({
    trackingCode: z.string(),
    status: deliveryStatusSchema,
    deliveryDate: z.string(),
    dropoffWindow: z
      .union([windowSchema, z.null()])
      .meta({ description: "When the recipient can expect it (instants in UTC); null when none was given." }),
    eta: z.iso.datetime().nullable().meta({ description: "The courier's estimated arrival, once on the way." }),
    timeZone: z.string().meta({
      description: "The partner's IANA time zone, which the window and ETA are shown in.",
      example: "Europe/Berlin",
    }),
    partner: z.object({
      name: z.string(),
      contactEmail: z.string().nullable().meta({ description: "Where recipients can ask about the delivery." }),
    }),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    timeline: z.array(z.object({ status: deliveryStatusSchema, at: z.iso.datetime() })),
    proofOnFile: z.boolean().meta({ description: "Delivered, with proof of delivery on file (never shown here)." }),
  })
  .meta({ id: "Tracking", description: "Public view of a delivery: no recipient, contact or address data." });
