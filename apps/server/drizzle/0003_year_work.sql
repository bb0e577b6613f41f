CREATE TABLE "stored_file" (
	"id" serial PRIMARY KEY NOT NULL,
	"sha256" text NOT NULL,
	"size" bigint NOT NULL,
	"mime" text NOT NULL,
	"original_name" text NOT NULL,
	"uploaded_by" integer,
	"uploaded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "elimination_plan" (
	"id" serial PRIMARY KEY NOT NULL,
	"region_code" text NOT NULL,
	"year" integer NOT NULL,
	"title" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"return_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"submitted_at" timestamp with time zone,
	"submitted_by" integer,
	"approved_at" timestamp with time zone,
	"approved_by" integer
);
--> statement-breakpoint
CREATE TABLE "elimination_plan_line" (
	"id" serial PRIMARY KEY NOT NULL,
	"plan_id" integer NOT NULL,
	"line_id" bigint NOT NULL,
	"enterprise_id" bigint NOT NULL,
	"exit_deadline" date NOT NULL,
	"industry_code" text NOT NULL,
	"capacity_unit" text NOT NULL,
	"capacity" numeric(14, 4) NOT NULL,
	"snapshot" jsonb NOT NULL,
	"added_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "responsibility_letter" (
	"id" serial PRIMARY KEY NOT NULL,
	"year" integer NOT NULL,
	"party_a_region_code" text NOT NULL,
	"party_b_region_code" text,
	"party_b_enterprise_id" bigint,
	"party_b_scope_region_code" text NOT NULL,
	"title" text NOT NULL,
	"obligations" text NOT NULL,
	"sign_deadline" date,
	"content" jsonb NOT NULL,
	"status" text DEFAULT 'drafted' NOT NULL,
	"signed_file_id" integer,
	"signed_at" timestamp with time zone,
	"signed_by" integer,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "target" (
	"id" serial PRIMARY KEY NOT NULL,
	"year" integer NOT NULL,
	"region_code" text NOT NULL,
	"parent_target_id" integer,
	"industry_code" text NOT NULL,
	"unit_code" text NOT NULL,
	"quantity" numeric(14, 4) NOT NULL,
	"enterprise_count" integer,
	"deadline" date NOT NULL,
	"source" text DEFAULT '' NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "target_line" (
	"id" serial PRIMARY KEY NOT NULL,
	"target_id" integer NOT NULL,
	"line_id" bigint NOT NULL,
	"enterprise_id" bigint NOT NULL,
	"deadline" date NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "filing" (
	"id" serial PRIMARY KEY NOT NULL,
	"requirement_id" integer NOT NULL,
	"target_id" integer NOT NULL,
	"period_key" text NOT NULL,
	"year" integer NOT NULL,
	"filer_region_code" text NOT NULL,
	"status" text NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"field_values" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"file_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"due_date" date NOT NULL,
	"submitted_date" date NOT NULL,
	"late_working_days" integer DEFAULT 0 NOT NULL,
	"submitted_by" integer NOT NULL,
	"submitted_at" timestamp with time zone NOT NULL,
	"last_submitted_at" timestamp with time zone NOT NULL,
	"return_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "filing_event" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"filing_id" integer NOT NULL,
	"event" text NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"revision" integer NOT NULL,
	"actor_id" integer,
	"actor_name" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"reason" text,
	"snapshot" jsonb
);
--> statement-breakpoint
CREATE TABLE "filing_requirement" (
	"id" serial PRIMARY KEY NOT NULL,
	"issuer_region_code" text NOT NULL,
	"issuer_agency_id" integer,
	"issued_by" integer NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"year" integer NOT NULL,
	"audience" text NOT NULL,
	"recurrence" text NOT NULL,
	"due_mode" text NOT NULL,
	"due_date" date,
	"event_date" date,
	"due_working_days" integer,
	"due_month_day" text,
	"starts_on" date,
	"ends_on" date,
	"required_fields" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"attachment_required" boolean DEFAULT false NOT NULL,
	"remind_days_before" integer DEFAULT 3 NOT NULL,
	"issued_on" date NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "filing_target" (
	"id" serial PRIMARY KEY NOT NULL,
	"requirement_id" integer NOT NULL,
	"region_code" text,
	"agency_id" integer,
	"filer_region_code" text NOT NULL,
	"name" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notification" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"user_id" integer NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"entity_type" text,
	"entity_id" text,
	"link" text,
	"dedupe_key" text,
	"created_at" timestamp with time zone NOT NULL,
	"read_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "site_verification" (
	"id" serial PRIMARY KEY NOT NULL,
	"filing_id" integer NOT NULL,
	"revision" integer NOT NULL,
	"verified_by" integer NOT NULL,
	"verified_by_name" text NOT NULL,
	"verified_on" date NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"outcome" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "site_verification_item" (
	"id" serial PRIMARY KEY NOT NULL,
	"verification_id" integer NOT NULL,
	"survey_line_id" integer NOT NULL,
	"result" text NOT NULL,
	"found_capacity" numeric(14, 4),
	"note" text DEFAULT '' NOT NULL,
	"file_ids" jsonb DEFAULT '[]'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "survey_line" (
	"id" serial PRIMARY KEY NOT NULL,
	"filing_id" integer NOT NULL,
	"revision" integer NOT NULL,
	"line_id" integer NOT NULL,
	"enterprise_id" integer NOT NULL,
	"enterprise_name" text NOT NULL,
	"uscc" text NOT NULL,
	"region_code" text NOT NULL,
	"line_name" text NOT NULL,
	"specification" text DEFAULT '' NOT NULL,
	"capacity" numeric(14, 4) NOT NULL,
	"capacity_unit" text NOT NULL,
	"industry_code" text NOT NULL,
	"criterion" text NOT NULL,
	"line_status" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "survey_report" (
	"filing_id" integer PRIMARY KEY NOT NULL,
	"region_code" text NOT NULL,
	"year" integer NOT NULL,
	"zero_report" boolean NOT NULL,
	"statement" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "work_plan" (
	"id" serial PRIMARY KEY NOT NULL,
	"region_code" text NOT NULL,
	"year" integer NOT NULL,
	"title" text NOT NULL,
	"origin" text NOT NULL,
	"template" text,
	"parent_plan_id" integer,
	"created_by" integer NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "work_plan_phase" (
	"id" serial PRIMARY KEY NOT NULL,
	"plan_id" integer NOT NULL,
	"seq" integer NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date NOT NULL,
	"parent_phase_id" integer
);
--> statement-breakpoint
CREATE INDEX "stored_file_sha256_idx" ON "stored_file" USING btree ("sha256");--> statement-breakpoint
CREATE UNIQUE INDEX "elimination_plan_region_year_uq" ON "elimination_plan" USING btree ("region_code","year");--> statement-breakpoint
CREATE UNIQUE INDEX "elimination_plan_line_uq" ON "elimination_plan_line" USING btree ("plan_id","line_id");--> statement-breakpoint
CREATE INDEX "elimination_plan_line_line_idx" ON "elimination_plan_line" USING btree ("line_id");--> statement-breakpoint
CREATE UNIQUE INDEX "letter_region_pair_uq" ON "responsibility_letter" USING btree ("year","party_a_region_code","party_b_region_code");--> statement-breakpoint
CREATE UNIQUE INDEX "letter_enterprise_pair_uq" ON "responsibility_letter" USING btree ("year","party_a_region_code","party_b_enterprise_id");--> statement-breakpoint
CREATE INDEX "letter_party_a_idx" ON "responsibility_letter" USING btree ("party_a_region_code","year");--> statement-breakpoint
CREATE UNIQUE INDEX "target_year_region_industry_uq" ON "target" USING btree ("year","region_code","industry_code");--> statement-breakpoint
CREATE INDEX "target_parent_idx" ON "target" USING btree ("parent_target_id");--> statement-breakpoint
CREATE UNIQUE INDEX "target_line_uq" ON "target_line" USING btree ("target_id","line_id");--> statement-breakpoint
CREATE INDEX "target_line_line_idx" ON "target_line" USING btree ("line_id");--> statement-breakpoint
CREATE UNIQUE INDEX "filing_req_period_target_uq" ON "filing" USING btree ("requirement_id","period_key","target_id");--> statement-breakpoint
CREATE INDEX "filing_filer_region_year_idx" ON "filing" USING btree ("filer_region_code","year");--> statement-breakpoint
CREATE INDEX "filing_event_filing_idx" ON "filing_event" USING btree ("filing_id","id");--> statement-breakpoint
CREATE INDEX "filing_requirement_issuer_idx" ON "filing_requirement" USING btree ("issuer_region_code","year");--> statement-breakpoint
CREATE UNIQUE INDEX "filing_target_region_uq" ON "filing_target" USING btree ("requirement_id","region_code");--> statement-breakpoint
CREATE UNIQUE INDEX "filing_target_agency_uq" ON "filing_target" USING btree ("requirement_id","agency_id");--> statement-breakpoint
CREATE INDEX "filing_target_region_idx" ON "filing_target" USING btree ("region_code");--> statement-breakpoint
CREATE INDEX "filing_target_agency_idx" ON "filing_target" USING btree ("agency_id");--> statement-breakpoint
CREATE UNIQUE INDEX "notification_dedupe_uq" ON "notification" USING btree ("dedupe_key");--> statement-breakpoint
CREATE INDEX "notification_user_idx" ON "notification" USING btree ("user_id","id");--> statement-breakpoint
CREATE INDEX "site_verification_filing_idx" ON "site_verification" USING btree ("filing_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "site_verification_item_uq" ON "site_verification_item" USING btree ("verification_id","survey_line_id");--> statement-breakpoint
CREATE UNIQUE INDEX "survey_line_uq" ON "survey_line" USING btree ("filing_id","revision","line_id");--> statement-breakpoint
CREATE INDEX "survey_report_region_year_idx" ON "survey_report" USING btree ("region_code","year");--> statement-breakpoint
CREATE UNIQUE INDEX "work_plan_region_year_uq" ON "work_plan" USING btree ("region_code","year");--> statement-breakpoint
CREATE INDEX "work_plan_parent_idx" ON "work_plan" USING btree ("parent_plan_id");--> statement-breakpoint
CREATE INDEX "work_plan_phase_plan_idx" ON "work_plan_phase" USING btree ("plan_id","seq");--> statement-breakpoint
CREATE INDEX "work_plan_phase_parent_idx" ON "work_plan_phase" USING btree ("parent_phase_id");--> statement-breakpoint
CREATE INDEX "enterprise_province_name_idx" ON "enterprise" USING btree ("province_code","name","id");--> statement-breakpoint
CREATE INDEX "enterprise_prefecture_name_idx" ON "enterprise" USING btree ("prefecture_code","name","id");--> statement-breakpoint
CREATE INDEX "enterprise_county_name_idx" ON "enterprise" USING btree ("county_code","name","id");--> statement-breakpoint
CREATE INDEX "enterprise_province_updated_idx" ON "enterprise" USING btree ("province_code","updated_at","id");--> statement-breakpoint
CREATE INDEX "enterprise_prefecture_updated_idx" ON "enterprise" USING btree ("prefecture_code","updated_at","id");