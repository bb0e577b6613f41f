-- ADR 0012: an objection's answer is now a lifecycle step (open → answered). Objections answered before
-- the status column existed are answered; their answer stays where it was (answer, answered_by, answered_at).
UPDATE "announcement_objection" SET "status" = 'answered' WHERE "answered_at" IS NOT NULL;
