ALTER TABLE "target" ADD COLUMN "decomposition_status" text DEFAULT 'draft' NOT NULL;--> statement-breakpoint
ALTER TABLE "target" ADD COLUMN "decomposition_submitted_by" integer;--> statement-breakpoint
ALTER TABLE "target" ADD COLUMN "decomposition_submitted_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "target" ADD COLUMN "decomposition_approved_by" integer;--> statement-breakpoint
ALTER TABLE "target" ADD COLUMN "decomposition_approved_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "target" ADD COLUMN "decomposition_return_reason" text;--> statement-breakpoint
CREATE INDEX "target_decomposition_status_idx" ON "target" USING btree ("decomposition_status");