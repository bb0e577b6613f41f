CREATE TABLE "announcement" (
	"id" serial PRIMARY KEY NOT NULL,
	"region_code" text NOT NULL,
	"year" integer NOT NULL,
	"kind" text NOT NULL,
	"form" text NOT NULL,
	"notice_working_days" integer,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"source_plan_id" integer,
	"status" text DEFAULT 'draft' NOT NULL,
	"return_reason" text,
	"built_at" timestamp with time zone NOT NULL,
	"submitted_at" timestamp with time zone,
	"submitted_by" integer,
	"approved_at" timestamp with time zone,
	"approved_by" integer,
	"published_at" timestamp with time zone,
	"published_by" integer,
	"publish_date" date,
	"notice_end_date" date,
	"archived_at" timestamp with time zone,
	"superseded_by" integer,
	"created_by" integer,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "announcement_item" (
	"id" serial PRIMARY KEY NOT NULL,
	"announcement_id" integer NOT NULL,
	"seq" integer NOT NULL,
	"source_id" integer,
	"enterprise_name" text NOT NULL,
	"uscc" text NOT NULL,
	"region_code" text NOT NULL,
	"region_name" text NOT NULL,
	"line_name" text NOT NULL,
	"specification" text DEFAULT '' NOT NULL,
	"capacity" numeric(14, 4) NOT NULL,
	"capacity_unit" text NOT NULL,
	"unit_name" text NOT NULL,
	"date" date,
	"dismantle_deadline" date,
	"commitment" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "announcement_objection" (
	"id" serial PRIMARY KEY NOT NULL,
	"announcement_id" integer NOT NULL,
	"item_id" integer,
	"receipt_code" text NOT NULL,
	"content" text NOT NULL,
	"name" text,
	"phone" text NOT NULL,
	"ip" text,
	"filed_at" timestamp with time zone NOT NULL,
	"answer" text,
	"answered_by" integer,
	"answered_by_name" text,
	"answered_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE INDEX "announcement_region_kind_idx" ON "announcement" USING btree ("region_code","kind","status");--> statement-breakpoint
CREATE INDEX "announcement_status_idx" ON "announcement" USING btree ("status","publish_date");--> statement-breakpoint
CREATE INDEX "announcement_item_ann_idx" ON "announcement_item" USING btree ("announcement_id","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "announcement_objection_receipt_uq" ON "announcement_objection" USING btree ("receipt_code");--> statement-breakpoint
CREATE INDEX "announcement_objection_ann_idx" ON "announcement_objection" USING btree ("announcement_id","id");