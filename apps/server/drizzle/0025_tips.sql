CREATE TABLE "tip" (
	"id" serial PRIMARY KEY NOT NULL,
	"receipt_hash" text NOT NULL,
	"region_code" text NOT NULL,
	"enterprise_id" bigint,
	"enterprise_name" text,
	"address" text,
	"matter" text NOT NULL,
	"criterion" text,
	"about_officials" boolean DEFAULT false NOT NULL,
	"content" text NOT NULL,
	"identity_kind" text NOT NULL,
	"identity_sealed" text,
	"handling_region_code" text NOT NULL,
	"handling_agency_id" integer,
	"forwarded_from_region_code" text,
	"forward_reason" text,
	"status" text NOT NULL,
	"received_on" date NOT NULL,
	"deadline" date NOT NULL,
	"original_deadline" date NOT NULL,
	"extension_reason" text,
	"escalated_to_region_code" text,
	"escalated_at" timestamp with time zone,
	"finding" text,
	"reply" text,
	"measures" text,
	"drafted_by" integer,
	"concluded_by" integer,
	"concluded_on" date,
	"published_at" timestamp with time zone,
	"identity_revealed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tip_check" (
	"id" serial PRIMARY KEY NOT NULL,
	"tip_id" integer NOT NULL,
	"checked_on" date NOT NULL,
	"method" text NOT NULL,
	"inspectors" text NOT NULL,
	"findings" text NOT NULL,
	"files" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"recorded_by" integer,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tip_file" (
	"id" serial PRIMARY KEY NOT NULL,
	"tip_id" integer NOT NULL,
	"stored_file_id" integer NOT NULL,
	"source" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tip_link" (
	"id" serial PRIMARY KEY NOT NULL,
	"tip_id" integer NOT NULL,
	"kind" text NOT NULL,
	"target_id" bigint,
	"region_code" text NOT NULL,
	"year" integer NOT NULL,
	"note" text,
	"created_by" integer,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tip_message" (
	"id" serial PRIMARY KEY NOT NULL,
	"tip_id" integer NOT NULL,
	"author" text NOT NULL,
	"body" text NOT NULL,
	"user_id" integer,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tip_setting" (
	"region_code" text PRIMARY KEY NOT NULL,
	"deadline_working_days" integer NOT NULL,
	"updated_by" integer,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "tip_receipt_hash_idx" ON "tip" USING btree ("receipt_hash");--> statement-breakpoint
CREATE INDEX "tip_handling_status_idx" ON "tip" USING btree ("handling_region_code","status");--> statement-breakpoint
CREATE INDEX "tip_status_deadline_idx" ON "tip" USING btree ("status","deadline");--> statement-breakpoint
CREATE INDEX "tip_escalated_idx" ON "tip" USING btree ("escalated_to_region_code");--> statement-breakpoint
CREATE INDEX "tip_published_idx" ON "tip" USING btree ("published_at");--> statement-breakpoint
CREATE INDEX "tip_check_tip_idx" ON "tip_check" USING btree ("tip_id");--> statement-breakpoint
CREATE INDEX "tip_file_tip_idx" ON "tip_file" USING btree ("tip_id");--> statement-breakpoint
CREATE INDEX "tip_link_tip_idx" ON "tip_link" USING btree ("tip_id");--> statement-breakpoint
CREATE INDEX "tip_link_kind_region_idx" ON "tip_link" USING btree ("kind","region_code","year");--> statement-breakpoint
CREATE INDEX "tip_message_tip_idx" ON "tip_message" USING btree ("tip_id","at");