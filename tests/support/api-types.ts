// Generated from the OpenAPI document by `npm run api:types`; do not edit.
export interface paths {
  "/api/v1/deliveries": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List deliveries, newest first
     * @description Scoped to the caller: a partner's own, a courier's assigned, every delivery for admins.
     */
    get: operations["listDeliveries"];
    put?: never;
    /**
     * Create a delivery (idempotent)
     * @description Without `Idempotency-Key`, an identical payload (after normalisation) from the same partner within 60 minutes of the first returns the existing delivery; later, it creates a new one. With it, the key decides for 24 hours: same key and body → the existing delivery; same key, other body → 422; after that the key is free again. Concurrent requests with one key never make two deliveries: those arriving while the first is being written wait for it and get its replay. Admins (and admin API keys) name the `partnerId` the delivery is for; partners may not.
     */
    post: operations["createDelivery"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/deliveries/{id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Get a delivery
     * @description Its `ETag` is its version: send it back as `If-Match` when changing it.
     */
    get: operations["getDelivery"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/deliveries/{id}/status": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Change the status
     * @description Allowed: CREATED→FAILED, CREATED→CANCELLED, ASSIGNED→IN_TRANSIT, ASSIGNED→FAILED, ASSIGNED→CANCELLED, ASSIGNED→CREATED (unassign), IN_TRANSIT→COMPLETED, IN_TRANSIT→FAILED (reason required for FAILED). IN_TRANSIT only from ASSIGNED: a delivery needs its courier before it starts. Partners and API keys may only cancel a CREATED or ASSIGNED delivery; couriers start, complete and fail their own. Assigning a courier is `PUT /api/v1/deliveries/{id}/assignment`. Completing for a partner that asks for proof needs the recipient's `code`, or the photo / signature uploaded first.
     */
    post: operations["changeDeliveryStatus"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/deliveries/{id}/reschedule": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Move the pickup and/or drop-off window, with a reason
     * @description Partners and their keys while CREATED or ASSIGNED; admins also while IN_TRANSIT. A window left out stays. New windows follow the create rules (order, width, not ended, drop-off not ending before pickup starts); a new drop-off window moves `deliveryDate` to its day in the partner's time zone. Recorded in the history (kind RESCHEDULE, old and new windows) and sent as the `delivery.rescheduled` webhook.
     */
    post: operations["rescheduleDelivery"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/deliveries/{id}/reattempt": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Try a FAILED delivery again as its next attempt
     * @description Back to CREATED (unassigned), or to ASSIGNED with the same courier (`keepCourier`), with a new drop-off window; the tracking code and the history stay, `attempt` counts up (at most DELIVERY_MAX_ATTEMPTS in all, 3 by default). Sent as `delivery.status_changed` (from FAILED).
     */
    post: operations["reattemptDelivery"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/deliveries/{id}/eta": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /**
     * Set or move the estimated arrival (the courier, or admins)
     * @description Only while IN_TRANSIT. `eta` an instant, or `inMinutes` from now; up to 24 hours ahead. Sent as the `delivery.eta_updated` webhook every time; the recipient is emailed the first ETA and any move of more than 15 minutes.
     */
    put: operations["setDeliveryEta"];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/live": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Follow changes live (server-sent events)
     * @description The caller's delivery changes as they commit, scoped as the list is (a partner its own, a courier those assigned to them, admins all): `event: delivery` with `{ name, deliveryId, trackingCode, status }` (re-read the delivery for the rest). People also get `event: notification` when they have a new notification. A CSV import's rows are not sent one by one (its completion is a notification). `event: ready` once listening.
     */
    get: operations["followDeliveries"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/deliveries/{id}/events": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Status history, oldest first
     * @description Who moved the delivery, when, why, and the courier who had it after each change.
     */
    get: operations["listDeliveryEvents"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/deliveries/{id}/assignment": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /**
     * Assign, reassign or unassign a courier (admins)
     * @description `assigneeId` a courier's id: CREATED → ASSIGNED, or to another courier while ASSIGNED. `null`: ASSIGNED → CREATED. Assigning to the courier who already has it changes nothing. Emits the `delivery.assigned` webhook (unassigning: `delivery.status_changed`).
     */
    put: operations["assignDelivery"];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/deliveries/bulk-assignments": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Assign or unassign many deliveries (admins)
     * @description `assigneeId` a courier's id assigns or reassigns every row; `null` unassigns them. At most 500 items. Each row is changed in its own transaction, as the single-delivery operation would, so a row is changed completely or not at all and never waits for the others. A row that changed meanwhile (its `version` is not the one sent), or whose status no longer allows the change, is skipped and named in `data` with a `problem`; the others are still applied. The answer is 200 whatever each row's outcome.
     */
    post: operations["bulkAssignDeliveries"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/deliveries/bulk-cancellations": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Cancel many deliveries with one reason (admins)
     * @description Every CREATED or ASSIGNED row becomes CANCELLED, the reason in its history. At most 500 items. Each row is changed in its own transaction, as the single-delivery operation would, so a row is changed completely or not at all and never waits for the others. A row that changed meanwhile (its `version` is not the one sent), or whose status no longer allows the change, is skipped and named in `data` with a `problem`; the others are still applied. The answer is 200 whatever each row's outcome.
     */
    post: operations["bulkCancelDeliveries"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/deliveries/{id}/proof": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Proof of delivery on file
     * @description The code check, photo and signature recorded for the delivery, if any.
     */
    get: operations["listDeliveryProof"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/deliveries/{id}/proof/{kind}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * A proof image
     * @description Served only to callers who may see the delivery.
     */
    get: operations["getDeliveryProofImage"];
    /**
     * Add a photo or signature (courier or admin, while IN_TRANSIT)
     * @description The raw image as the body (JPEG, PNG, WebP or HEIC, at most 8 MB). It is judged by its content, re-encoded (metadata such as EXIF GPS dropped) and downscaled to 1600 px. A second upload replaces the first.
     */
    put: operations["uploadDeliveryProof"];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/couriers": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Couriers and their load today (admins)
     * @description Each courier with what is assigned to them, in transit, and completed today.
     */
    get: operations["listCouriers"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/imports": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Your recent imports (staff: every partner's)
     * @description Newest first, with their status and counts.
     */
    get: operations["listImports"];
    put?: never;
    /**
     * Upload a CSV file of deliveries (validated, nothing created yet)
     * @description Up to 10,000 rows and 5 MB, UTF-8 (BOM optional), comma or semicolon separated; columns as in the template. Every row is checked with the create schema; confirm the import to create the valid rows. Optional header `X-File-Name` (percent-encoded when not ASCII). Staff (admins, signed in) import on behalf of a partner by naming it in `partnerId`.
     */
    post: operations["uploadImport"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/imports/template.csv": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The import template
     * @description A header row with the create schema's fields and one example row.
     */
    get: operations["getImportTemplate"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/imports/{id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * One import: status, counts, errors, progress
     * @description Poll it after confirming to follow the rows being created.
     */
    get: operations["getImport"];
    put?: never;
    post?: never;
    /**
     * Discard an import that is not confirmed
     * @description An uploaded file you do not want to create: the import is deleted and no longer listed. It created nothing, so nothing else changes. A confirmed import cannot be discarded.
     */
    delete: operations["discardImport"];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/imports/{id}/confirm": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Create the valid rows (in the background)
     * @description Each row is created through the same path as POST /deliveries, with its own idempotency key: the row's externalReference, or its content. Uploading the same file again creates nothing new.
     */
    post: operations["confirmImport"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/imports/{id}/errors.csv": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Every refused row of an import
     * @description One line per problem: row, column, message.
     */
    get: operations["getImportErrors"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/deliveries.csv": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Export deliveries as CSV
     * @description The list's view (same filters and scope, one of the table's sorts) as CSV, streamed: the columns of the import template, then trackingCode, status, partner, createdAt, updatedAt. Cells starting with = + - @ are prefixed with ' so spreadsheets do not run them as formulas.
     */
    get: operations["exportDeliveries"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/notifications": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Your in-app notifications, newest first
     * @description With the unread count; `unread=true` lists only unread ones.
     */
    get: operations["listNotifications"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/notifications/unread-count": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Unread count (what the bell shows)
     * @description Read again when `GET /api/v1/live` says `event: notification`; cheap enough to poll too.
     */
    get: operations["countUnreadNotifications"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/notifications/{id}/read": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Mark one notification read
     * @description Marking one already read changes nothing.
     */
    post: operations["markNotificationRead"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/notifications/read-all": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Mark all your notifications read
     * @description Answers how many were unread.
     */
    post: operations["markAllNotificationsRead"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/admin/outbox": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Outbox health (admins)
     * @description Events waiting to be handed to Inngest. When Inngest is unreachable they are kept and retried with backoff.
     */
    get: operations["getOutboxStats"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/admin/outbox/retry": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Retry pending outbox events now (admins)
     * @description Makes waiting events due at once instead of after their backoff.
     */
    post: operations["retryOutbox"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/tracking/{trackingCode}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Public tracking
     * @description Status, timeline and whom to ask, without personal data; limited per client.
     */
    get: operations["trackDelivery"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/tracking/{trackingCode}/live": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Follow one delivery's status live (server-sent events)
     * @description `event: delivery` with `{ "status" }` when this code's delivery changes; nothing else, no personal data. `event: ready` once listening (and after any replay). Limited per client like the lookup.
     */
    get: operations["followTracking"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/health": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Health
     * @description Up when the process answers and the database does.
     */
    get: operations["getHealth"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/health/ready": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Readiness
     * @description Whether this process should receive traffic: not shutting down, the database answers, every migration of this build is applied, and the background executor runs where this process runs it.
     */
    get: operations["getReadiness"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/metrics": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Prometheus metrics
     * @description The Prometheus text exposition of every worker of this server, summed: HTTP requests by route template, background runs, queue and outbox, emails, webhook attempts, database pool, event loop and memory. Answered to loopback callers, or to others with `Authorization: Bearer <METRICS_TOKEN>`.
     */
    get: operations["getMetrics"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/webhook-endpoints": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Your webhook endpoints, oldest first
     * @description At most 10, so not paginated.
     */
    get: operations["listWebhookEndpoints"];
    put?: never;
    /**
     * Add a webhook endpoint
     * @description The answer carries the signing secret, and no later answer does. At most 10 endpoints per partner.
     */
    post: operations["createWebhookEndpoint"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/webhook-endpoints/{id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * One webhook endpoint
     * @description Never its secret.
     */
    get: operations["getWebhookEndpoint"];
    put?: never;
    post?: never;
    /**
     * Delete a webhook endpoint
     * @description With its message log; nothing more is sent to it.
     */
    delete: operations["deleteWebhookEndpoint"];
    options?: never;
    head?: never;
    /**
     * Change a webhook endpoint
     * @description Only the fields given change. A new URL or `enabled: true` enables it again and clears its failures.
     */
    patch: operations["updateWebhookEndpoint"];
    trace?: never;
  };
  "/api/v1/webhook-endpoints/{id}/rotate-secret": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Rotate an endpoint's signing secret
     * @description The new secret signs at once and is in this answer only; the old one signs too for 24 hours.
     */
    post: operations["rotateWebhookSecret"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/webhook-endpoints/{id}/messages": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The message log of an endpoint, newest first
     * @description Each event sent: type, time, delivery and tracking code, payload, and every attempt with its status, latency and the first KiB of the response body. Kept as long as the attempts (`RETENTION_WEBHOOK_ATTEMPTS_DAYS`).
     */
    get: operations["listWebhookMessages"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/webhook-endpoints/{id}/messages/{messageId}/resend": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Send a logged message again
     * @description Same body and `webhook-id`, freshly signed; sent in the background, retried until one attempt gets through.
     */
    post: operations["resendWebhookMessage"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export interface webhooks {
  "delivery.created": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * delivery.created sent to your endpoint
     * @description A delivery was created (by the API, the web app or an import).
     */
    post: operations["webhook_delivery_created"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "delivery.status_changed": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * delivery.status_changed sent to your endpoint
     * @description A delivery changed status: `data.from`, `data.to`, `data.reason`, `data.assigneeId`.
     */
    post: operations["webhook_delivery_status_changed"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "delivery.assigned": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * delivery.assigned sent to your endpoint
     * @description A courier was given the delivery or it passed to another: `data.assigneeId`, `data.previousAssigneeId`.
     */
    post: operations["webhook_delivery_assigned"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "delivery.rescheduled": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * delivery.rescheduled sent to your endpoint
     * @description A delivery's windows moved: `data.previous`, `data.pickupWindow`, `data.dropoffWindow`, `data.reason`.
     */
    post: operations["webhook_delivery_rescheduled"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "delivery.eta_updated": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * delivery.eta_updated sent to your endpoint
     * @description The courier set or moved the estimated arrival: `data.eta`, `data.previousEta`.
     */
    post: operations["webhook_delivery_eta_updated"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "webhook.test": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * webhook.test sent to your endpoint
     * @description Sent by "send test event"; never retried.
     */
    post: operations["webhook_webhook_test"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export interface components {
  schemas: {
    Delivery: {
      /** Format: uuid */
      id: string;
      /** @example DLV-7Q4K9M2X */
      trackingCode: string;
      status: components["schemas"]["DeliveryStatus"];
      pickupAddress: string;
      dropoffAddress: string;
      recipientName: string;
      recipientPhone: string | null;
      recipientEmail: string | null;
      productName: string | null;
      packageWeightKg: number | null;
      /** @example 2030-01-15 */
      deliveryDate: string;
      notes: string | null;
      externalReference: string | null;
      pickupWindow: components["schemas"]["TimeWindow"] | null;
      dropoffWindow: components["schemas"]["TimeWindow"] | null;
      /** @description Its drop-off window has ended and it is neither delivered nor closed. */
      late: boolean;
      /**
       * Format: date-time
       * @description The courier's estimated arrival, once on the way.
       */
      eta: string | null;
      /** @description 1, then one more for each re-attempt after a failure. */
      attempt: number;
      partner: {
        /** Format: uuid */
        id: string;
        name: string;
      };
      /** @description The courier who has the delivery (ASSIGNED and later); null while unassigned. */
      assignee: {
        /** Format: uuid */
        id: string;
        name: string | null;
      } | null;
      version: number;
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      updatedAt: string;
      /** Format: uri */
      trackingUrl: string;
    };
    /** @enum {string} */
    DeliveryStatus: "CREATED" | "ASSIGNED" | "IN_TRANSIT" | "COMPLETED" | "FAILED" | "CANCELLED";
    TimeWindow: {
      /**
       * Format: date-time
       * @description Start of the window (ISO 8601 with offset).
       */
      from: string;
      /**
       * Format: date-time
       * @description End of the window (ISO 8601 with offset); after `from`.
       */
      to: string;
    };
    /** @description RFC 9457 problem details. */
    Problem: {
      type: string;
      title: string;
      status: number;
      detail: string;
      instance?: string;
      errors?: {
        path: string;
        message: string;
      }[];
      allowedTransitions?: string[];
      currentStatus?: string;
      currentVersion?: number;
    };
    CreateDeliveryRequest:
      | {
          /** @example 12 Market St, Springfield */
          pickupAddress: string;
          /** @example 4 Elm Rd, Springfield */
          dropoffAddress: string;
          /** @example Ada Lovelace */
          recipientName: string;
          recipientPhone?: string | null;
          /** Format: email */
          recipientEmail?: string | null;
          productName?: string | null;
          packageWeightKg?: number | null;
          /**
           * Format: date
           * @description Day of delivery, YYYY-MM-DD. Must be today or later, where today is the current date in UTC when the request arrives (so from 00:00 UTC, not local midnight). JSON Schema cannot express a bound relative to the current day, so a schema validator accepts past dates; the server refuses them with 400 naming `deliveryDate`. A retry of a request already accepted replays it even after that day.
           * @example 2030-01-15
           */
          deliveryDate?: string;
          /** @description When the courier may collect it: `{ from, to }`, instants with an offset, answered in UTC. `to` after `from`, at most 12 hours wide by default, not ended. */
          pickupWindow?: {
            /**
             * Format: date-time
             * @description Start of the window (ISO 8601 with offset).
             */
            from: string;
            /**
             * Format: date-time
             * @description End of the window (ISO 8601 with offset); after `from`.
             */
            to: string;
          } | null;
          /** @description When the recipient expects it, as pickupWindow; must not end before the pickup window starts. `deliveryDate` is then the day the window starts in the partner's time zone (send it too only if it agrees). */
          dropoffWindow?: {
            /**
             * Format: date-time
             * @description Start of the window (ISO 8601 with offset).
             */
            from: string;
            /**
             * Format: date-time
             * @description End of the window (ISO 8601 with offset); after `from`.
             */
            to: string;
          } | null;
          notes?: string | null;
          /** @description Your own order id; searchable with `q`. */
          externalReference?: string | null;
          /**
           * Format: uuid
           * @description Admins and admin API keys: the partner the delivery is for (required). Partners may not send it.
           */
          partnerId?: string;
        }
      | unknown
      | unknown;
    DeliveryPage: {
      data: components["schemas"]["Delivery"][];
      nextCursor: string | null;
    };
    TransitionRequest: {
      status: components["schemas"]["DeliveryStatus"];
      /** @description Required when moving to FAILED. */
      reason?: string | null;
      /** @description Completing for a partner that asks for a delivery code: the 6 digits the recipient received. Limited attempts. */
      code?: string | null;
    };
    RescheduleRequest: {
      /** @description The new pickup window; absent keeps the current one. */
      pickupWindow?: {
        /**
         * Format: date-time
         * @description Start of the window (ISO 8601 with offset).
         */
        from: string;
        /**
         * Format: date-time
         * @description End of the window (ISO 8601 with offset); after `from`.
         */
        to: string;
      } | null;
      /** @description The new drop-off window; absent keeps the current one. */
      dropoffWindow?: {
        /**
         * Format: date-time
         * @description Start of the window (ISO 8601 with offset).
         */
        from: string;
        /**
         * Format: date-time
         * @description End of the window (ISO 8601 with offset); after `from`.
         */
        to: string;
      } | null;
      /** @description Why: shown in the history and to the partner. */
      reason: string;
    };
    ReattemptRequest: {
      /** @description When the next attempt is to arrive. */
      dropoffWindow: {
        /**
         * Format: date-time
         * @description Start of the window (ISO 8601 with offset).
         */
        from: string;
        /**
         * Format: date-time
         * @description End of the window (ISO 8601 with offset); after `from`.
         */
        to: string;
      };
      /** @description A new pickup window; absent clears the old one. */
      pickupWindow?: {
        /**
         * Format: date-time
         * @description Start of the window (ISO 8601 with offset).
         */
        from: string;
        /**
         * Format: date-time
         * @description End of the window (ISO 8601 with offset); after `from`.
         */
        to: string;
      } | null;
      /**
       * @description true: back to ASSIGNED with the same courier; false: back to CREATED, unassigned.
       * @default false
       */
      keepCourier: boolean;
    };
    EtaRequest: {
      /**
       * Format: date-time
       * @description The estimated arrival (ISO 8601 with offset).
       */
      eta?: string;
      /** @description Instead of `eta`: minutes from now. */
      inMinutes?: number;
    };
    StatusHistory: {
      data: components["schemas"]["StatusEvent"][];
    };
    StatusEvent: {
      /** Format: uuid */
      id: string;
      /** @description null for the first event (creation). */
      from: components["schemas"]["DeliveryStatus"] | null;
      to: components["schemas"]["DeliveryStatus"];
      actor: {
        /** @enum {string} */
        kind: "USER" | "API_KEY" | "SYSTEM";
        id: string | null;
      };
      reason: string | null;
      /**
       * Format: uuid
       * @description The courier who has the delivery after this change.
       */
      assigneeId: string | null;
      /**
       * @description STATUS: a move; RESCHEDULE: new windows (from = to); REATTEMPT: FAILED back to work as the next attempt.
       * @enum {string}
       */
      kind: "STATUS" | "RESCHEDULE" | "REATTEMPT";
      /** @description RESCHEDULE: `previous`, `pickupWindow`, `dropoffWindow`; REATTEMPT: `attempt`, `dropoffWindow`. */
      details: {
        [key: string]: unknown;
      } | null;
      /** Format: date-time */
      createdAt: string;
    };
    AssignmentRequest: {
      /**
       * Format: uuid
       * @description The courier's user id; null unassigns (back to CREATED).
       */
      assigneeId: string | null;
    };
    BulkResponse: {
      /** @description One result per item, in the order sent. */
      data: components["schemas"]["BulkResult"][];
      summary: {
        applied: number;
        unchanged: number;
        skipped: number;
      };
    };
    BulkResult: {
      /** Format: uuid */
      id: string;
      /** @description null when the delivery is unknown to the caller. */
      trackingCode: string | null;
      /**
       * @description `applied`: changed now. `unchanged`: already so (assigned to that courier). `skipped`: left as it was; see `problem`.
       * @enum {string}
       */
      outcome: "applied" | "unchanged" | "skipped";
      /** @description The status after the request. */
      status: components["schemas"]["DeliveryStatus"] | null;
      version: number | null;
      /** @description Why a row was skipped: `changed` (its version is not the one sent), `invalid_transition` (its status does not allow it), `not_found`, `validation_failed`. */
      problem: {
        /** @example changed */
        code: string;
        detail: string;
      } | null;
    };
    BulkAssignmentRequest: {
      items: components["schemas"]["BulkItem"][];
      /**
       * Format: uuid
       * @description The courier's user id; null unassigns (back to CREATED).
       */
      assigneeId: string | null;
    };
    BulkItem: {
      /** Format: uuid */
      id: string;
      /** @description The version the caller last saw; a row whose version differs now is skipped as changed. */
      version?: number;
    };
    BulkCancellationRequest: {
      items: components["schemas"]["BulkItem"][];
      /** @description Why; recorded in each delivery's history. */
      reason: string;
    };
    ProofOfDelivery: {
      /** @enum {string} */
      kind: "CODE" | "PHOTO" | "SIGNATURE";
      contentType: string | null;
      byteSize: number | null;
      width: number | null;
      height: number | null;
      /** Format: date-time */
      createdAt: string;
      /** @description Where an authorised caller fetches the image (same credentials); null for a code. */
      url: string | null;
    };
    CourierLoad: {
      /** Format: uuid */
      id: string;
      name: string | null;
      active: boolean;
      /** @description Deliveries ASSIGNED to them now. */
      assigned: number;
      /** @description Deliveries IN_TRANSIT with them now. */
      inTransit: number;
      /** @description Deliveries they completed today (UTC). */
      completedToday: number;
    };
    Import: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      partnerId: string;
      partnerName: string;
      fileName: string | null;
      /** @enum {string} */
      status: "VALIDATED" | "QUEUED" | "RUNNING" | "COMPLETED";
      totalRows: number;
      validRows: number;
      invalidRows: number;
      /** @description Validation errors: row as a spreadsheet numbers it, column, reason. */
      errors: {
        row: number;
        column: string | null;
        message: string;
      }[];
      processed: number;
      created: number;
      /** @description Rows whose delivery existed before: a re-upload creates nothing new. */
      existed: number;
      failed: number;
      /** @description Valid rows refused while creating them. */
      failures: {
        row: number;
        column: string | null;
        message: string;
      }[];
      progress: number;
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      confirmedAt: string | null;
      /** Format: date-time */
      finishedAt: string | null;
    };
    NotificationList: {
      data: components["schemas"]["Notification"][];
      unreadCount: number;
    };
    Notification: {
      /** Format: uuid */
      id: string;
      kind: string;
      title: string;
      body: string;
      /** Format: uuid */
      deliveryId: string | null;
      /**
       * Format: uuid
       * @description The CSV import the notification is about, if any.
       */
      importId: string | null;
      readAt: string | null;
      createdAt: string;
    };
    OutboxStats: {
      pending: number;
      failed: number;
      oldestPendingAgeSeconds: number | null;
      lastError: string | null;
      lastSentAt: string | null;
      /** @enum {string} */
      health: "ok" | "degraded";
      summary: string;
    };
    /** @description Public view of a delivery: no recipient, contact or address data. */
    Tracking: {
      trackingCode: string;
      status: components["schemas"]["DeliveryStatus"];
      deliveryDate: string;
      /** @description When the recipient can expect it (instants in UTC); null when none was given. */
      dropoffWindow: components["schemas"]["TimeWindow"] | null;
      /**
       * Format: date-time
       * @description The courier's estimated arrival, once on the way.
       */
      eta: string | null;
      /**
       * @description The partner's IANA time zone, which the window and ETA are shown in.
       * @example Europe/Berlin
       */
      timeZone: string;
      partner: {
        name: string;
        /** @description Where recipients can ask about the delivery. */
        contactEmail: string | null;
      };
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      updatedAt: string;
      timeline: {
        status: components["schemas"]["DeliveryStatus"];
        /** Format: date-time */
        at: string;
      }[];
      /** @description Delivered, with proof of delivery on file (never shown here). */
      proofOnFile: boolean;
    };
    WebhookEndpointWithSecret: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      partnerId: string;
      url: string;
      description: string | null;
      events: (
        | "delivery.created"
        | "delivery.status_changed"
        | "delivery.assigned"
        | "delivery.rescheduled"
        | "delivery.eta_updated"
      )[];
      enabled: boolean;
      /** @description Consecutive failed attempts; reset by any success. */
      failureCount: number;
      disabledAt: string | null;
      /** @description When the secret was last rotated; the previous one signs too for 24 hours after. */
      secretRotatedAt: string | null;
      createdAt: string;
      updatedAt: string;
      /** @description `whsec_<base64>`: shown in this answer only. Verify with a Standard Webhooks library. */
      secret: string;
    };
    WebhookEndpointCreate: {
      /** @description http(s) only; hosts resolving to private, loopback or link-local addresses are refused. */
      url: string;
      /**
       * @description Every event type when omitted.
       * @default [
       *       "delivery.created",
       *       "delivery.status_changed",
       *       "delivery.assigned",
       *       "delivery.rescheduled",
       *       "delivery.eta_updated"
       *     ]
       */
      events: (
        | "delivery.created"
        | "delivery.status_changed"
        | "delivery.assigned"
        | "delivery.rescheduled"
        | "delivery.eta_updated"
      )[];
      description?: string;
      /** @description Admins only: whose endpoint. Partners get their own. */
      partnerId?: string;
    };
    WebhookEndpointList: {
      data: components["schemas"]["WebhookEndpoint"][];
    };
    WebhookEndpoint: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      partnerId: string;
      url: string;
      description: string | null;
      events: (
        | "delivery.created"
        | "delivery.status_changed"
        | "delivery.assigned"
        | "delivery.rescheduled"
        | "delivery.eta_updated"
      )[];
      enabled: boolean;
      /** @description Consecutive failed attempts; reset by any success. */
      failureCount: number;
      disabledAt: string | null;
      /** @description When the secret was last rotated; the previous one signs too for 24 hours after. */
      secretRotatedAt: string | null;
      createdAt: string;
      updatedAt: string;
    };
    WebhookEndpointUpdate: {
      /** @description http(s) only; hosts resolving to private, loopback or link-local addresses are refused. */
      url?: string;
      /** @description The event types this endpoint receives. */
      events?: (
        | "delivery.created"
        | "delivery.status_changed"
        | "delivery.assigned"
        | "delivery.rescheduled"
        | "delivery.eta_updated"
      )[];
      description?: string | null;
      /** @description true enables the endpoint again (and clears its failure count); false pauses it. */
      enabled?: boolean;
    };
    WebhookMessageList: {
      data: components["schemas"]["WebhookMessage"][];
      nextCursor: string | null;
    };
    WebhookMessage: {
      /** Format: uuid */
      id: string;
      /** @description The `webhook-id` of every attempt and resend of this message. */
      eventId: string;
      eventType: string;
      createdAt: string;
      /** Format: uuid */
      deliveryId: string | null;
      trackingCode: string | null;
      /** @description The body as sent. */
      payload?: unknown;
      /** @description Oldest first. */
      attempts: components["schemas"]["WebhookAttempt"][];
    };
    WebhookAttempt: {
      /** Format: uuid */
      id: string;
      attempt: number;
      createdAt: string;
      url: string;
      /** @description null: no complete HTTP response. */
      responseStatus: number | null;
      /** @description Latency, from connecting to the last byte of the response. */
      durationMs: number;
      /** @description The first KiB of the response body. */
      responseBody: string | null;
      error: string | null;
    };
  };
  responses: never;
  parameters: never;
  requestBodies: never;
  headers: never;
  pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
  listDeliveries: {
    parameters: {
      query?: {
        /** @description Repeat to match several statuses. */
        status?: components["schemas"]["DeliveryStatus"][];
        /** @description Matches tracking code, external reference, recipient name and addresses (substring, case-insensitive). */
        q?: string;
        /** @description Created at or after (date or date-time). */
        from?: string;
        /** @description Created at or before; a bare date includes that whole day. */
        to?: string;
        /** @description Admins only: one partner's deliveries. */
        partnerId?: string;
        /** @description Admins only: the deliveries assigned to one courier, or `none` for those nobody has (a courier only ever sees theirs). */
        assigneeId?: string | "none";
        /** @description The deliveries of one CSV import: its file's valid rows, whether the import created them or they existed before. */
        import?: string;
        /** @description true: only late deliveries (drop-off window ended, not delivered); false: none of them. */
        late?: "true" | "false";
        limit?: number;
        /** @description Opaque; `nextCursor` of the previous page. */
        cursor?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A page; pass `nextCursor` as `cursor` for the next one. */
      200: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["DeliveryPage"];
        };
      };
      /** @description Invalid query. */
      400: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Missing, invalid or revoked credentials. */
      401: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests; wait for the time in Retry-After. */
      429: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          /** @description Seconds until the limit resets. */
          "Retry-After": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  createDelivery: {
    parameters: {
      query?: never;
      header?: {
        /** @description Makes retries safe. The same key with the same body returns the delivery the first request created (200, `Idempotent-Replayed: true`); with another body, 422. Keys are kept for 24 hours from the first request: after that the key is free again and a request with it creates a new delivery. Send the header once: a key may not contain a comma, because two headers arrive joined by one (400). A request arriving while the first with the same key is still being written waits for it (the creation is one database statement) and then gets its replay, never a 409. */
        "Idempotency-Key"?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["CreateDeliveryRequest"];
      };
    };
    responses: {
      /** @description Replay of an earlier identical request: the delivery as it is now. */
      200: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          "Idempotent-Replayed": "true";
          /** @description The delivery version, e.g. "3"; send it back as If-Match. */
          ETag: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Delivery"];
        };
      };
      /** @description Created. */
      201: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          Location: string;
          /** @description The delivery version, e.g. "3"; send it back as If-Match. */
          ETag: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Delivery"];
        };
      };
      /** @description Malformed JSON, invalid fields, or an invalid `Idempotency-Key` (also two of them, which arrive joined by a comma); `errors` names each. */
      400: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Missing, invalid or revoked credentials. */
      401: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The caller may read deliveries but not create them (admins, couriers). */
      403: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Body too large. */
      413: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Body is not JSON. */
      415: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Idempotency-Key reused with a different body within its retention. */
      422: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests; wait for the time in Retry-After. */
      429: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          /** @description Seconds until the limit resets. */
          "Retry-After": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  getDelivery: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The delivery. */
      200: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          /** @description The delivery version, e.g. "3"; send it back as If-Match. */
          ETag: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Delivery"];
        };
      };
      /** @description Missing, invalid or revoked credentials. */
      401: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Unknown or not yours. */
      404: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests; wait for the time in Retry-After. */
      429: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          /** @description Seconds until the limit resets. */
          "Retry-After": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  changeDeliveryStatus: {
    parameters: {
      query?: never;
      header?: {
        /** @description ETag from a GET; 412 when stale. */
        "If-Match"?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["TransitionRequest"];
      };
    };
    responses: {
      /** @description The delivery after the change. */
      200: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          /** @description The delivery version, e.g. "3"; send it back as If-Match. */
          ETag: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Delivery"];
        };
      };
      /** @description Invalid body, or a reason missing. */
      400: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Missing, invalid or revoked credentials. */
      401: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description A valid transition the caller may not make. */
      403: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Unknown or not yours. */
      404: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Not allowed from the current status; `allowedTransitions` lists what is. */
      409: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description If-Match does not match the current version. */
      412: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Body too large. */
      413: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Body is not JSON. */
      415: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests; wait for the time in Retry-After. */
      429: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          /** @description Seconds until the limit resets. */
          "Retry-After": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  rescheduleDelivery: {
    parameters: {
      query?: never;
      header?: {
        /** @description ETag from a GET; 412 when stale. */
        "If-Match"?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["RescheduleRequest"];
      };
    };
    responses: {
      /** @description The delivery with its new windows. */
      200: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          /** @description The delivery version, e.g. "3"; send it back as If-Match. */
          ETag: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Delivery"];
        };
      };
      /** @description Invalid body or windows; `errors` names the fields. */
      400: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Missing, invalid or revoked credentials. */
      401: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Unknown or not yours; also for callers who may not reschedule (couriers). */
      404: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Not in a status that can be rescheduled by this caller. */
      409: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description If-Match does not match the current version. */
      412: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Body too large. */
      413: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Body is not JSON. */
      415: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests; wait for the time in Retry-After. */
      429: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          /** @description Seconds until the limit resets. */
          "Retry-After": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  reattemptDelivery: {
    parameters: {
      query?: never;
      header?: {
        /** @description ETag from a GET; 412 when stale. */
        "If-Match"?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["ReattemptRequest"];
      };
    };
    responses: {
      /** @description The delivery, as its next attempt. */
      200: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          /** @description The delivery version, e.g. "3"; send it back as If-Match. */
          ETag: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Delivery"];
        };
      };
      /** @description Invalid body or window; `errors` names the fields. */
      400: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Missing, invalid or revoked credentials. */
      401: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Unknown or not yours; also for callers who may not re-attempt (couriers). */
      404: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Not FAILED, or its attempts are used up. */
      409: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description If-Match does not match the current version. */
      412: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Body too large. */
      413: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Body is not JSON. */
      415: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests; wait for the time in Retry-After. */
      429: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          /** @description Seconds until the limit resets. */
          "Retry-After": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  setDeliveryEta: {
    parameters: {
      query?: never;
      header?: {
        /** @description ETag from a GET; 412 when stale. */
        "If-Match"?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["EtaRequest"];
      };
    };
    responses: {
      /** @description The delivery with its ETA. */
      200: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          /** @description The delivery version, e.g. "3"; send it back as If-Match. */
          ETag: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Delivery"];
        };
      };
      /** @description Invalid body, or an ETA in the past or too far ahead. */
      400: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Missing, invalid or revoked credentials. */
      401: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Unknown, not assigned to this courier, or a caller who may not set ETAs (partners). */
      404: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Not on its way (IN_TRANSIT). */
      409: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description If-Match does not match the current version. */
      412: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Body too large. */
      413: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Body is not JSON. */
      415: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests; wait for the time in Retry-After. */
      429: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          /** @description Seconds until the limit resets. */
          "Retry-After": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  followDeliveries: {
    parameters: {
      query?: never;
      header?: {
        /** @description The last event id received. */
        "Last-Event-ID"?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The stream, open until the client leaves. */
      200: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "text/event-stream": string;
        };
      };
      /** @description Missing, invalid or revoked credentials. */
      401: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests; wait for the time in Retry-After. */
      429: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          /** @description Seconds until the limit resets. */
          "Retry-After": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  listDeliveryEvents: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description History. */
      200: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["StatusHistory"];
        };
      };
      /** @description Missing, invalid or revoked credentials. */
      401: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Unknown or not yours. */
      404: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests; wait for the time in Retry-After. */
      429: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          /** @description Seconds until the limit resets. */
          "Retry-After": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  assignDelivery: {
    parameters: {
      query?: never;
      header?: {
        /** @description ETag from a GET; 412 when stale. */
        "If-Match"?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["AssignmentRequest"];
      };
    };
    responses: {
      /** @description The delivery after the change. */
      200: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          /** @description The delivery version, e.g. "3"; send it back as If-Match. */
          ETag: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Delivery"];
        };
      };
      /** @description Invalid body, or not an active courier. */
      400: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Missing, invalid or revoked credentials. */
      401: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Unknown delivery, or the caller is not dispatch (the 404 of an unknown path). */
      404: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Not assignable in its current status (IN_TRANSIT or final). */
      409: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description If-Match does not match the current version. */
      412: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Body too large. */
      413: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Body is not JSON. */
      415: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests; wait for the time in Retry-After. */
      429: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          /** @description Seconds until the limit resets. */
          "Retry-After": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  bulkAssignDeliveries: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["BulkAssignmentRequest"];
      };
    };
    responses: {
      /** @description Each row's outcome, in the order sent. */
      200: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["BulkResponse"];
        };
      };
      /** @description Invalid body (an id listed twice, too many items), or not an active courier. */
      400: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Missing, invalid or revoked credentials. */
      401: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Unknown delivery, or the caller is not dispatch (the 404 of an unknown path). */
      404: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Body too large. */
      413: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Body is not JSON. */
      415: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests; wait for the time in Retry-After. */
      429: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          /** @description Seconds until the limit resets. */
          "Retry-After": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  bulkCancelDeliveries: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["BulkCancellationRequest"];
      };
    };
    responses: {
      /** @description Each row's outcome, in the order sent. */
      200: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["BulkResponse"];
        };
      };
      /** @description Invalid body: no reason, an id listed twice, too many items. */
      400: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Missing, invalid or revoked credentials. */
      401: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Unknown delivery, or the caller is not dispatch (the 404 of an unknown path). */
      404: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Body too large. */
      413: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Body is not JSON. */
      415: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests; wait for the time in Retry-After. */
      429: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          /** @description Seconds until the limit resets. */
          "Retry-After": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  listDeliveryProof: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description What is on file. */
      200: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            data: components["schemas"]["ProofOfDelivery"][];
          };
        };
      };
      /** @description Missing, invalid or revoked credentials. */
      401: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Unknown or not yours (another partner's, or not assigned to this courier). */
      404: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests; wait for the time in Retry-After. */
      429: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          /** @description Seconds until the limit resets. */
          "Retry-After": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  getDeliveryProofImage: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
        kind: "photo" | "signature";
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The image. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "image/jpeg": unknown;
          "image/png": unknown;
        };
      };
      /** @description Missing, invalid or revoked credentials. */
      401: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Unknown or not yours (another partner's, or not assigned to this courier). */
      404: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests; wait for the time in Retry-After. */
      429: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          /** @description Seconds until the limit resets. */
          "Retry-After": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  uploadDeliveryProof: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
        kind: "photo" | "signature";
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "image/*": string;
      };
    };
    responses: {
      /** @description Stored. */
      201: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ProofOfDelivery"];
        };
      };
      /** @description Missing, invalid or revoked credentials. */
      401: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The caller may see the delivery but not complete it (a partner). */
      403: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Unknown or not yours (another partner's, or not assigned to this courier). */
      404: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The delivery is not IN_TRANSIT. */
      409: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Larger than 8 MB. */
      413: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Not an image we can decode (JPEG, PNG, WebP or HEIC). */
      415: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests; wait for the time in Retry-After. */
      429: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          /** @description Seconds until the limit resets. */
          "Retry-After": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  listCouriers: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Couriers, active first. */
      200: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            data: components["schemas"]["CourierLoad"][];
          };
        };
      };
      /** @description Missing, invalid or revoked credentials. */
      401: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Unknown delivery, or the caller is not dispatch (the 404 of an unknown path). */
      404: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests; wait for the time in Retry-After. */
      429: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          /** @description Seconds until the limit resets. */
          "Retry-After": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  listImports: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Newest first. */
      200: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            data: components["schemas"]["Import"][];
          };
        };
      };
      /** @description Missing, invalid or revoked credentials. */
      401: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The caller is a courier (the 404 of an unknown path). */
      404: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests; wait for the time in Retry-After. */
      429: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          /** @description Seconds until the limit resets. */
          "Retry-After": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  uploadImport: {
    parameters: {
      query?: {
        /** @description Staff only: the partner the deliveries are for. Partners and their keys import for themselves. */
        partnerId?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "text/csv": string;
      };
    };
    responses: {
      /** @description Read and validated. */
      201: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Import"];
        };
      };
      /** @description Not a CSV file we can read, unknown/missing columns, or a missing/unknown `partnerId` (staff). */
      400: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Missing, invalid or revoked credentials. */
      401: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The caller is a courier (the 404 of an unknown path). */
      404: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Larger than 5 MB or more than 10,000 rows. */
      413: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Not text/csv. */
      415: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests; wait for the time in Retry-After. */
      429: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          /** @description Seconds until the limit resets. */
          "Retry-After": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  getImportTemplate: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The columns and one example row. */
      200: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "text/csv": string;
        };
      };
      /** @description Missing, invalid or revoked credentials. */
      401: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The caller is a courier (the 404 of an unknown path). */
      404: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests; wait for the time in Retry-After. */
      429: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          /** @description Seconds until the limit resets. */
          "Retry-After": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  getImport: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The import. */
      200: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Import"];
        };
      };
      /** @description Missing, invalid or revoked credentials. */
      401: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Not yours, or no such import; or the caller is a courier. */
      404: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests; wait for the time in Retry-After. */
      429: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          /** @description Seconds until the limit resets. */
          "Retry-After": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  discardImport: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Discarded. */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Missing, invalid or revoked credentials. */
      401: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Not yours, or no such import; or the caller is a courier. */
      404: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Already confirmed. */
      409: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests; wait for the time in Retry-After. */
      429: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          /** @description Seconds until the limit resets. */
          "Retry-After": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  confirmImport: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Queued; poll GET /imports/{id} for progress. */
      202: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Import"];
        };
      };
      /** @description Missing, invalid or revoked credentials. */
      401: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Not yours, or no such import; or the caller is a courier. */
      404: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Already confirmed, or no valid row. */
      409: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests; wait for the time in Retry-After. */
      429: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          /** @description Seconds until the limit resets. */
          "Retry-After": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  getImportErrors: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description row, column, message. */
      200: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "text/csv": string;
        };
      };
      /** @description Missing, invalid or revoked credentials. */
      401: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Not yours, or no such import; or the caller is a courier. */
      404: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests; wait for the time in Retry-After. */
      429: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          /** @description Seconds until the limit resets. */
          "Retry-After": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  exportDeliveries: {
    parameters: {
      query?: {
        /** @description Repeat to match several statuses. */
        status?: components["schemas"]["DeliveryStatus"][];
        /** @description Matches tracking code, external reference, recipient name and addresses (substring, case-insensitive). */
        q?: string;
        /** @description Created at or after (date or date-time). */
        from?: string;
        /** @description Created at or before; a bare date includes that whole day. */
        to?: string;
        /** @description Admins only: one partner's deliveries. */
        partnerId?: string;
        /** @description Admins only: the deliveries assigned to one courier, or `none` for those nobody has (a courier only ever sees theirs). */
        assigneeId?: string | "none";
        /** @description The deliveries of one CSV import: its file's valid rows, whether the import created them or they existed before. */
        import?: string;
        /** @description true: only late deliveries (drop-off window ended, not delivered); false: none of them. */
        late?: "true" | "false";
        sort?:
          "createdAt.desc" | "createdAt.asc" | "deliveryDate.asc" | "deliveryDate.desc" | "dueAt.asc" | "dueAt.desc";
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The CSV file. */
      200: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "text/csv": string;
        };
      };
      /** @description Invalid query. */
      400: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Missing, invalid or revoked credentials. */
      401: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests; wait for the time in Retry-After. */
      429: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          /** @description Seconds until the limit resets. */
          "Retry-After": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  listNotifications: {
    parameters: {
      query?: {
        /** @description Only unread notifications. */
        unread?: string;
        limit?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Notifications and the unread count. */
      200: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["NotificationList"];
        };
      };
      /** @description Invalid query. */
      400: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Missing, invalid or revoked credentials. */
      401: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Called with an API key: notifications belong to people (the 404 of an unknown path). */
      404: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests; wait for the time in Retry-After. */
      429: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          /** @description Seconds until the limit resets. */
          "Retry-After": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  countUnreadNotifications: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The count. */
      200: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            unreadCount: number;
          };
        };
      };
      /** @description Missing, invalid or revoked credentials. */
      401: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Called with an API key: notifications belong to people (the 404 of an unknown path). */
      404: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests; wait for the time in Retry-After. */
      429: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          /** @description Seconds until the limit resets. */
          "Retry-After": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  markNotificationRead: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Marked. */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Missing, invalid or revoked credentials. */
      401: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Unknown or not yours, or called with an API key. */
      404: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests; wait for the time in Retry-After. */
      429: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          /** @description Seconds until the limit resets. */
          "Retry-After": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  markAllNotificationsRead: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description How many were marked. */
      200: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            marked: number;
          };
        };
      };
      /** @description Missing, invalid or revoked credentials. */
      401: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Called with an API key: notifications belong to people (the 404 of an unknown path). */
      404: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests; wait for the time in Retry-After. */
      429: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          /** @description Seconds until the limit resets. */
          "Retry-After": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  getOutboxStats: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Counts and the oldest pending age. */
      200: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["OutboxStats"];
        };
      };
      /** @description Missing, invalid or revoked credentials. */
      401: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Not an admin (the 404 of an unknown path). */
      404: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests; wait for the time in Retry-After. */
      429: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          /** @description Seconds until the limit resets. */
          "Retry-After": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  retryOutbox: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          /**
           * Format: uuid
           * @description One outbox row; omit to retry every pending row.
           */
          id?: string;
        };
      };
    };
    responses: {
      /** @description How many rows were made due. */
      200: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            retried: number;
          };
        };
      };
      /** @description Malformed JSON or invalid fields (see `errors`). */
      400: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Missing, invalid or revoked credentials. */
      401: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Not an admin (the 404 of an unknown path). */
      404: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Body too large. */
      413: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Body is not JSON. */
      415: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests; wait for the time in Retry-After. */
      429: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          /** @description Seconds until the limit resets. */
          "Retry-After": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  trackDelivery: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        trackingCode: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Status and timeline without personal data. */
      200: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Tracking"];
        };
      };
      /** @description Unknown code. */
      404: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests; wait for the time in Retry-After. */
      429: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          /** @description Seconds until the limit resets. */
          "Retry-After": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  followTracking: {
    parameters: {
      query?: never;
      header?: {
        /** @description The last event id received. */
        "Last-Event-ID"?: string;
      };
      path: {
        trackingCode: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The stream, open until the client leaves. */
      200: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "text/event-stream": string;
        };
      };
      /** @description Unknown code. */
      404: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests; wait for the time in Retry-After. */
      429: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          /** @description Seconds until the limit resets. */
          "Retry-After": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  getHealth: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Up. */
      200: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            /** @enum {string} */
            status: "ok";
            /** @enum {string} */
            db: "ok";
          };
        };
      };
      /** @description The database is unreachable. */
      503: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  getReadiness: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Ready. */
      200: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            /** @enum {string} */
            status: "ready";
            /** @description Each condition; `skipped` when an earlier one failed or, for `background`, when this process does not run the background work. */
            checks: {
              /** @enum {string} */
              draining: "ok" | "failed" | "skipped";
              /** @enum {string} */
              database: "ok" | "failed" | "skipped";
              /** @enum {string} */
              migrations: "ok" | "failed" | "skipped";
              /** @enum {string} */
              background: "ok" | "failed" | "skipped";
            };
          };
        };
      };
      /** @description Not ready (starting, shutting down, or a check failed; see `checks`). */
      503: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  getMetrics: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The exposition (Prometheus text format 0.0.4). */
      200: {
        headers: {
          /** @description Echoes X-Request-Id or a new id. */
          "X-Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "text/plain": string;
        };
      };
      /** @description Not a loopback caller and no valid METRICS_TOKEN. */
      401: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description A worker's numbers did not arrive in time. */
      503: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  listWebhookEndpoints: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The endpoints. */
      200: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["WebhookEndpointList"];
        };
      };
      /** @description Missing, invalid or revoked credentials. */
      401: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Called as an admin: endpoints are per partner. */
      404: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests; wait for the time in Retry-After. */
      429: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          /** @description Seconds until the limit resets. */
          "Retry-After": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  createWebhookEndpoint: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["WebhookEndpointCreate"];
      };
    };
    responses: {
      /** @description Created, enabled, with its secret. */
      201: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          /** @description The new endpoint's path. */
          Location: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["WebhookEndpointWithSecret"];
        };
      };
      /** @description Invalid fields, a URL refused by the SSRF rules (`url`) or an unknown event type (`events`). */
      400: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Missing, invalid or revoked credentials. */
      401: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description An admin named no partner, or an unknown one. */
      404: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The partner already has 10 endpoints. */
      409: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Body too large. */
      413: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Body is not JSON. */
      415: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests; wait for the time in Retry-After. */
      429: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          /** @description Seconds until the limit resets. */
          "Retry-After": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  getWebhookEndpoint: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The endpoint. */
      200: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["WebhookEndpoint"];
        };
      };
      /** @description Missing, invalid or revoked credentials. */
      401: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such endpoint, or another partner's. */
      404: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests; wait for the time in Retry-After. */
      429: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          /** @description Seconds until the limit resets. */
          "Retry-After": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  deleteWebhookEndpoint: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Deleted. */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Missing, invalid or revoked credentials. */
      401: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such endpoint, or another partner's. */
      404: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests; wait for the time in Retry-After. */
      429: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          /** @description Seconds until the limit resets. */
          "Retry-After": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  updateWebhookEndpoint: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["WebhookEndpointUpdate"];
      };
    };
    responses: {
      /** @description The endpoint as it is now. */
      200: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["WebhookEndpoint"];
        };
      };
      /** @description Invalid fields, a URL refused by the SSRF rules (`url`) or an unknown event type (`events`). */
      400: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Missing, invalid or revoked credentials. */
      401: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such endpoint, or another partner's. */
      404: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Body too large. */
      413: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Body is not JSON. */
      415: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests; wait for the time in Retry-After. */
      429: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          /** @description Seconds until the limit resets. */
          "Retry-After": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  rotateWebhookSecret: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The endpoint with its new secret. */
      200: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["WebhookEndpointWithSecret"];
        };
      };
      /** @description Missing, invalid or revoked credentials. */
      401: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such endpoint, or another partner's. */
      404: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests; wait for the time in Retry-After. */
      429: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          /** @description Seconds until the limit resets. */
          "Retry-After": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  listWebhookMessages: {
    parameters: {
      query?: {
        /** @description Opaque; `nextCursor` of the previous page. */
        cursor?: string;
        limit?: number;
      };
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description One page; `nextCursor` is null on the last. */
      200: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["WebhookMessageList"];
        };
      };
      /** @description Invalid query (`cursor`, `limit`). */
      400: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Missing, invalid or revoked credentials. */
      401: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such endpoint, or another partner's. */
      404: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests; wait for the time in Retry-After. */
      429: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          /** @description Seconds until the limit resets. */
          "Retry-After": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  resendWebhookMessage: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
        messageId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Queued. */
      202: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            /** Format: uuid */
            messageId: string;
            /** Format: date-time */
            requestedAt: string;
          };
        };
      };
      /** @description Missing, invalid or revoked credentials. */
      401: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such endpoint or message, or another partner's. */
      404: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The endpoint is disabled: enable it first. */
      409: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests; wait for the time in Retry-After. */
      429: {
        headers: {
          /** @description Echoes X-Request-Id or a new id; quote it when reporting a problem. */
          "X-Request-Id": string;
          /** @description Seconds until the limit resets. */
          "Retry-After": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  webhook_delivery_created: {
    parameters: {
      query?: never;
      header: {
        /** @description The event id: deduplicate on it. */
        "webhook-id": string;
        "webhook-timestamp": string;
        "webhook-signature": string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          /** @description Event id; the same on every retry and resend of one event (also the `webhook-id` header). */
          id: string;
          /** @enum {string} */
          type: "delivery.created";
          /** @description When the change happened (ISO 8601, UTC). */
          createdAt: string;
          data: {
            /** Format: uuid */
            deliveryId: string;
            trackingCode: string;
            /** @enum {string} */
            status: "CREATED";
            occurredAt: string;
            delivery: components["schemas"]["Delivery"];
          };
        };
      };
    };
    responses: {
      /** @description Any 2xx acknowledges the event. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  webhook_delivery_status_changed: {
    parameters: {
      query?: never;
      header: {
        /** @description The event id: deduplicate on it. */
        "webhook-id": string;
        "webhook-timestamp": string;
        "webhook-signature": string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          /** @description Event id; the same on every retry and resend of one event (also the `webhook-id` header). */
          id: string;
          /** @enum {string} */
          type: "delivery.status_changed";
          /** @description When the change happened (ISO 8601, UTC). */
          createdAt: string;
          data: {
            /** Format: uuid */
            deliveryId: string;
            trackingCode: string;
            from: components["schemas"]["DeliveryStatus"];
            to: components["schemas"]["DeliveryStatus"];
            reason: string | null;
            version: number;
            occurredAt: string;
            /** Format: uuid */
            assigneeId?: string | null;
            delivery: components["schemas"]["Delivery"];
          };
        };
      };
    };
    responses: {
      /** @description Any 2xx acknowledges the event. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  webhook_delivery_assigned: {
    parameters: {
      query?: never;
      header: {
        /** @description The event id: deduplicate on it. */
        "webhook-id": string;
        "webhook-timestamp": string;
        "webhook-signature": string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          /** @description Event id; the same on every retry and resend of one event (also the `webhook-id` header). */
          id: string;
          /** @enum {string} */
          type: "delivery.assigned";
          /** @description When the change happened (ISO 8601, UTC). */
          createdAt: string;
          data: {
            /** Format: uuid */
            deliveryId: string;
            trackingCode: string;
            from: components["schemas"]["DeliveryStatus"];
            to: components["schemas"]["DeliveryStatus"];
            reason: string | null;
            version: number;
            occurredAt: string;
            /** Format: uuid */
            assigneeId: string;
            /** Format: uuid */
            previousAssigneeId: string | null;
            delivery: components["schemas"]["Delivery"];
          };
        };
      };
    };
    responses: {
      /** @description Any 2xx acknowledges the event. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  webhook_delivery_rescheduled: {
    parameters: {
      query?: never;
      header: {
        /** @description The event id: deduplicate on it. */
        "webhook-id": string;
        "webhook-timestamp": string;
        "webhook-signature": string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          /** @description Event id; the same on every retry and resend of one event (also the `webhook-id` header). */
          id: string;
          /** @enum {string} */
          type: "delivery.rescheduled";
          /** @description When the change happened (ISO 8601, UTC). */
          createdAt: string;
          data: {
            /** Format: uuid */
            deliveryId: string;
            trackingCode: string;
            reason: string;
            version: number;
            occurredAt: string;
            /** Format: uuid */
            assigneeId: string | null;
            previous: {
              pickupWindow: {
                from: string;
                to: string;
              } | null;
              dropoffWindow: {
                from: string;
                to: string;
              } | null;
            };
            pickupWindow: {
              from: string;
              to: string;
            } | null;
            dropoffWindow: {
              from: string;
              to: string;
            } | null;
            delivery: components["schemas"]["Delivery"];
          };
        };
      };
    };
    responses: {
      /** @description Any 2xx acknowledges the event. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  webhook_delivery_eta_updated: {
    parameters: {
      query?: never;
      header: {
        /** @description The event id: deduplicate on it. */
        "webhook-id": string;
        "webhook-timestamp": string;
        "webhook-signature": string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          /** @description Event id; the same on every retry and resend of one event (also the `webhook-id` header). */
          id: string;
          /** @enum {string} */
          type: "delivery.eta_updated";
          /** @description When the change happened (ISO 8601, UTC). */
          createdAt: string;
          data: {
            /** Format: uuid */
            deliveryId: string;
            trackingCode: string;
            eta: string;
            previousEta: string | null;
            version: number;
            occurredAt: string;
            delivery: components["schemas"]["Delivery"];
          };
        };
      };
    };
    responses: {
      /** @description Any 2xx acknowledges the event. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  webhook_webhook_test: {
    parameters: {
      query?: never;
      header: {
        /** @description The event id: deduplicate on it. */
        "webhook-id": string;
        "webhook-timestamp": string;
        "webhook-signature": string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          /** @description Event id; the same on every retry and resend of one event (also the `webhook-id` header). */
          id: string;
          /** @enum {string} */
          type: "webhook.test";
          /** @description When the change happened (ISO 8601, UTC). */
          createdAt: string;
          data: {
            message: string;
          };
        };
      };
    };
    responses: {
      /** @description Any 2xx acknowledges the event. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
}
