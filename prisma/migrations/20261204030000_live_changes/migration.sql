-- Live screens: every committed delivery change is announced on a PostgreSQL channel, which every
-- server process listens to (lib/live/hub.ts). A trigger on the outbox, so every writer (the
-- single-statement create included) announces what it writes; NOTIFY is delivered at commit, so a
-- rolled-back change is never heard. An import's rows are not announced one by one (the import
-- itself is, when it finishes): ten thousand notifications would only make every screen refresh.
CREATE FUNCTION "announce_delivery_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('delivery_changes', json_build_object(
    'id', NEW."id",
    'name', NEW."name",
    'deliveryId', NEW."payload"->>'deliveryId',
    'partnerId', NEW."payload"->>'partnerId',
    'trackingCode', NEW."payload"->>'trackingCode',
    'status', COALESCE(NEW."payload"->>'to', NEW."payload"->>'status'),
    'assigneeId', NEW."payload"->>'assigneeId',
    'previousAssigneeId', NEW."payload"->>'previousAssigneeId'
  )::text);
  RETURN NULL;
END $$;

CREATE TRIGGER "OutboxEvent_announce_delivery_change"
AFTER INSERT ON "OutboxEvent"
FOR EACH ROW WHEN (NEW."name" LIKE 'delivery/%' AND NOT NEW."bulk")
EXECUTE FUNCTION "announce_delivery_change"();

-- The bell: a new notification is announced to its user.
CREATE FUNCTION "announce_notification"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('user_notifications', json_build_object('id', NEW."id", 'userId', NEW."userId")::text);
  RETURN NULL;
END $$;

CREATE TRIGGER "Notification_announce"
AFTER INSERT ON "Notification"
FOR EACH ROW EXECUTE FUNCTION "announce_notification"();

-- A reconnecting stream replays the changes after the last one it saw (Last-Event-ID).
CREATE INDEX "OutboxEvent_createdAt_id_idx" ON "OutboxEvent"("createdAt", "id");
