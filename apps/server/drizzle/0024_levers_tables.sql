CREATE TABLE "joint_notice" (
	"id" serial PRIMARY KEY NOT NULL,
	"region_code" text NOT NULL,
	"province_code" text NOT NULL,
	"prefecture_code" text,
	"county_code" text,
	"township_code" text,
	"document_no" text NOT NULL,
	"title" text NOT NULL,
	"issued_on" date NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "joint_notice_item" (
	"id" serial PRIMARY KEY NOT NULL,
	"notice_id" integer NOT NULL,
	"enterprise_id" bigint NOT NULL,
	"action" text NOT NULL,
	"ground" text NOT NULL,
	"agency_id" integer NOT NULL,
	"status" text NOT NULL,
	"due_on" date NOT NULL,
	"executed_on" date,
	"execution_doc_no" text,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "joint_punishment_entry" (
	"id" serial PRIMARY KEY NOT NULL,
	"enterprise_id" bigint NOT NULL,
	"region_code" text NOT NULL,
	"province_code" text NOT NULL,
	"prefecture_code" text,
	"county_code" text,
	"township_code" text,
	"ground" text NOT NULL,
	"basis" text NOT NULL,
	"case_id" integer,
	"exit_task_id" integer,
	"issuing_agency_id" integer,
	"issuing_agency_name" text NOT NULL,
	"listed_on" date NOT NULL,
	"status" text NOT NULL,
	"objection" text,
	"objected_at" timestamp with time zone,
	"objection_answer" text,
	"repair_application" text,
	"repair_requested_at" timestamp with time zone,
	"repair_decision" text,
	"ended_on" date,
	"listed_by" integer,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "joint_punishment_restriction" (
	"id" serial PRIMARY KEY NOT NULL,
	"entry_id" integer NOT NULL,
	"domain" text NOT NULL,
	"agency_id" integer NOT NULL,
	"agency_name" text NOT NULL,
	"measure" text NOT NULL,
	"applied_on" date NOT NULL,
	"document_no" text DEFAULT '' NOT NULL,
	"recorded_by" integer,
	"recorded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "price_measure_delivery" (
	"id" serial PRIMARY KEY NOT NULL,
	"enterprise_id" bigint NOT NULL,
	"case_id" integer NOT NULL,
	"region_code" text NOT NULL,
	"province_code" text NOT NULL,
	"prefecture_code" text,
	"county_code" text,
	"township_code" text,
	"kind" text NOT NULL,
	"recipient_agency_id" integer NOT NULL,
	"sender_agency_id" integer,
	"surcharge_per_kwh" numeric(10, 4),
	"note" text DEFAULT '' NOT NULL,
	"status" text NOT NULL,
	"sent_by" integer,
	"sent_at" timestamp with time zone NOT NULL,
	"acknowledged_at" timestamp with time zone,
	"applied_measure" text,
	"effective_on" date,
	"due_on" date,
	"removed_on" date,
	"removal_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "joint_notice_region_idx" ON "joint_notice" USING btree ("region_code","id");--> statement-breakpoint
CREATE UNIQUE INDEX "joint_notice_number_uq" ON "joint_notice" USING btree ("region_code","document_no");--> statement-breakpoint
CREATE INDEX "joint_notice_item_notice_idx" ON "joint_notice_item" USING btree ("notice_id");--> statement-breakpoint
CREATE INDEX "joint_notice_item_agency_idx" ON "joint_notice_item" USING btree ("agency_id","status");--> statement-breakpoint
CREATE INDEX "jp_entry_enterprise_idx" ON "joint_punishment_entry" USING btree ("enterprise_id");--> statement-breakpoint
CREATE INDEX "jp_entry_county_idx" ON "joint_punishment_entry" USING btree ("county_code","id");--> statement-breakpoint
CREATE INDEX "jp_entry_prefecture_idx" ON "joint_punishment_entry" USING btree ("prefecture_code","id");--> statement-breakpoint
CREATE INDEX "jp_entry_province_idx" ON "joint_punishment_entry" USING btree ("province_code","id");--> statement-breakpoint
CREATE UNIQUE INDEX "jp_restriction_uq" ON "joint_punishment_restriction" USING btree ("entry_id","domain","agency_id");--> statement-breakpoint
CREATE INDEX "pm_delivery_recipient_idx" ON "price_measure_delivery" USING btree ("recipient_agency_id","id");--> statement-breakpoint
CREATE INDEX "pm_delivery_county_idx" ON "price_measure_delivery" USING btree ("county_code","id");--> statement-breakpoint
CREATE INDEX "pm_delivery_prefecture_idx" ON "price_measure_delivery" USING btree ("prefecture_code","id");--> statement-breakpoint
CREATE INDEX "pm_delivery_province_idx" ON "price_measure_delivery" USING btree ("province_code","id");--> statement-breakpoint
CREATE INDEX "pm_delivery_enterprise_idx" ON "price_measure_delivery" USING btree ("enterprise_id");