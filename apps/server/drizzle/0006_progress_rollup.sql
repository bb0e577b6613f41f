CREATE TABLE "progress_enterprise" (
	"enterprise_id" bigint NOT NULL,
	"year" integer NOT NULL,
	"tasks" integer NOT NULL,
	"done" integer NOT NULL,
	CONSTRAINT "progress_enterprise_enterprise_id_year_pk" PRIMARY KEY("enterprise_id","year")
);
--> statement-breakpoint
CREATE TABLE "progress_enterprise_rollup" (
	"region_code" text NOT NULL,
	"year" integer NOT NULL,
	"planned" integer NOT NULL,
	"accepted" integer NOT NULL,
	CONSTRAINT "progress_enterprise_rollup_region_code_year_pk" PRIMARY KEY("region_code","year")
);
--> statement-breakpoint
CREATE TABLE "progress_rollup" (
	"region_code" text NOT NULL,
	"year" integer NOT NULL,
	"industry_code" text NOT NULL,
	"unit" text NOT NULL,
	"stage" text NOT NULL,
	"tasks" integer NOT NULL,
	"capacity" numeric(18, 4) NOT NULL,
	CONSTRAINT "progress_rollup_region_code_year_industry_code_unit_stage_pk" PRIMARY KEY("region_code","year","industry_code","unit","stage")
);
--> statement-breakpoint
CREATE TABLE "progress_sealed_deadline" (
	"region_code" text NOT NULL,
	"year" integer NOT NULL,
	"deadline" date NOT NULL,
	"tasks" integer NOT NULL,
	CONSTRAINT "progress_sealed_deadline_region_code_year_deadline_pk" PRIMARY KEY("region_code","year","deadline")
);
--> statement-breakpoint
CREATE TABLE "document_number_sequence" (
	"region_code" text NOT NULL,
	"year" integer NOT NULL,
	"kind" text NOT NULL,
	"last_number" integer NOT NULL,
	CONSTRAINT "document_number_sequence_region_code_year_kind_pk" PRIMARY KEY("region_code","year","kind")
);
--> statement-breakpoint
CREATE TABLE "inspection_record" (
	"id" serial PRIMARY KEY NOT NULL,
	"round_id" integer NOT NULL,
	"enterprise_id" bigint NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"equipment_dismantled" boolean DEFAULT false NOT NULL,
	"power_cut" boolean DEFAULT false NOT NULL,
	"destination_documented" boolean DEFAULT false NOT NULL,
	"workers_placed" boolean DEFAULT false NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"inspected_on" date,
	"conclusion" text,
	"reasons" text,
	"lines" jsonb,
	"concluded_at" timestamp with time zone,
	"concluded_by" text,
	"opinion_status" text DEFAULT 'none' NOT NULL,
	"opinion_number" text,
	"opinion_signed_file_id" integer,
	"opinion_signed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "inspection_round" (
	"id" serial PRIMARY KEY NOT NULL,
	"region_code" text NOT NULL,
	"title" text NOT NULL,
	"year" integer NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date,
	"status" text DEFAULT 'draft' NOT NULL,
	"team" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "inspection_record_round_idx" ON "inspection_record" USING btree ("round_id");--> statement-breakpoint
CREATE UNIQUE INDEX "inspection_record_pending_uq" ON "inspection_record" USING btree ("enterprise_id") WHERE status = 'pending';--> statement-breakpoint
CREATE INDEX "inspection_round_region_idx" ON "inspection_round" USING btree ("region_code","year");