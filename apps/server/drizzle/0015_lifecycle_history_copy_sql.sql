-- ADR 0012: exit tasks now keep their history in lifecycle_history. Copy the rows written before
-- (exit_task_event), in their order, so a task's timeline stays whole. exit_task_event is kept,
-- no longer written, and can be dropped once every deployment has run this migration.
INSERT INTO "lifecycle_history" ("entity_type", "entity_id", "event", "from_status", "to_status", "actor_id", "actor_name", "at", "reason", "payload")
SELECT 'exit_task', "task_id", "event", "from_status", "to_status", "actor_id", "actor_name", "at", NULLIF("payload"->>'reason', ''), "payload"
FROM "exit_task_event"
ORDER BY "id";
