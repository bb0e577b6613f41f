-- Issue 13 (ADR 0025): nothing about a public client is kept, not even a keyed hash of its address. Objections
-- stopped writing ip_hash; the values written before are emptied here (the legacy clear `ip` column was emptied
-- by the boot-time sealing of ADR 0010 and is emptied again for rows that somehow kept it).
UPDATE "announcement_objection" SET "ip_hash" = NULL WHERE "ip_hash" IS NOT NULL;--> statement-breakpoint
UPDATE "announcement_objection" SET "ip" = NULL WHERE "ip" IS NOT NULL;
