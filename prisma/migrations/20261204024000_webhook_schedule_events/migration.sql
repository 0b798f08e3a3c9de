-- Two new webhook event types (delivery.rescheduled, delivery.eta_updated). An endpoint that took
-- every type there was gets them too, as an endpoint created now would; one that chose some keeps
-- its choice.
UPDATE "WebhookEndpoint"
SET "events" = "events" || ARRAY['delivery.rescheduled', 'delivery.eta_updated']
WHERE "events" @> ARRAY['delivery.created', 'delivery.status_changed', 'delivery.assigned']
  AND NOT ("events" && ARRAY['delivery.rescheduled', 'delivery.eta_updated']);
