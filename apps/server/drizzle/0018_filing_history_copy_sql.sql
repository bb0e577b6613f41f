-- ADR 0012: filings now keep their history in lifecycle_history (through runTransition). Copy the rows
-- written before (filing_event), in their order, keeping each row's revision and the snapshot of what was
-- submitted in the payload, so a filing's timeline and its earlier revisions stay whole. filing_event is
-- kept, no longer written, and can be dropped once every deployment has run this migration.
INSERT INTO "lifecycle_history" ("entity_type", "entity_id", "event", "from_status", "to_status", "actor_id", "actor_name", "at", "reason", "payload")
SELECT 'filing', "filing_id", "event", "from_status", "to_status", "actor_id", "actor_name", "at", "reason",
  jsonb_build_object('revision', "revision", 'snapshot', "snapshot")
FROM "filing_event"
ORDER BY "id";
