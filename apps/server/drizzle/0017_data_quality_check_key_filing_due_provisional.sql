ALTER TABLE "filing" ADD COLUMN "due_provisional" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "data_quality_flag" ADD COLUMN "check_key" text;--> statement-breakpoint
CREATE UNIQUE INDEX "data_quality_flag_open_check_uq" ON "data_quality_flag" USING btree ("check_key") WHERE status = 'open' and check_key is not null;