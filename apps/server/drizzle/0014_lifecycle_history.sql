CREATE TABLE "lifecycle_history" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" bigint NOT NULL,
	"event" text NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"actor_id" integer,
	"actor_name" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"reason" text,
	"payload" jsonb
);
--> statement-breakpoint
CREATE INDEX "lifecycle_history_entity_idx" ON "lifecycle_history" USING btree ("entity_type","entity_id","at");