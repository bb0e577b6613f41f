CREATE TABLE "audit_checkpoint" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"taken_at" timestamp (3) with time zone NOT NULL,
	"kind" text NOT NULL,
	"last_audit_id" bigint NOT NULL,
	"last_hash" text NOT NULL,
	"entry_count" bigint NOT NULL,
	"signature" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "province_code" text;--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "prefecture_code" text;--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "county_code" text;--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "township_code" text;--> statement-breakpoint
CREATE INDEX "audit_log_province_idx" ON "audit_log" USING btree ("province_code","id");--> statement-breakpoint
CREATE INDEX "audit_log_prefecture_idx" ON "audit_log" USING btree ("prefecture_code","id");--> statement-breakpoint
CREATE INDEX "audit_log_county_idx" ON "audit_log" USING btree ("county_code","id");--> statement-breakpoint
CREATE INDEX "audit_log_township_idx" ON "audit_log" USING btree ("township_code","id");