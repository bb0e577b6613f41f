CREATE TABLE "data_quality_flag" (
	"id" serial PRIMARY KEY NOT NULL,
	"region_code" text NOT NULL,
	"province_code" text NOT NULL,
	"prefecture_code" text,
	"county_code" text,
	"township_code" text,
	"kind" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" integer NOT NULL,
	"message" text NOT NULL,
	"details" jsonb NOT NULL,
	"raised_by" integer,
	"raised_at" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"resolved_by" integer,
	"resolved_at" timestamp with time zone,
	"resolution_note" text
);
--> statement-breakpoint
ALTER TABLE "survey_report" ADD COLUMN "line_explanations" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "exit_task_evidence" ADD COLUMN "taken_at" text;--> statement-breakpoint
ALTER TABLE "exit_task_evidence" ADD COLUMN "gps" jsonb;--> statement-breakpoint
CREATE INDEX "data_quality_flag_province_idx" ON "data_quality_flag" USING btree ("province_code","id");--> statement-breakpoint
CREATE INDEX "data_quality_flag_prefecture_idx" ON "data_quality_flag" USING btree ("prefecture_code","id");--> statement-breakpoint
CREATE INDEX "data_quality_flag_county_idx" ON "data_quality_flag" USING btree ("county_code","id");--> statement-breakpoint
CREATE INDEX "data_quality_flag_township_idx" ON "data_quality_flag" USING btree ("township_code","id");--> statement-breakpoint
CREATE INDEX "data_quality_flag_entity_idx" ON "data_quality_flag" USING btree ("entity_type","entity_id");