ALTER TABLE "announcement_objection" ALTER COLUMN "phone" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "announcement_objection" ADD COLUMN "phone_sealed" text;--> statement-breakpoint
ALTER TABLE "announcement_objection" ADD COLUMN "phone_hash" text;--> statement-breakpoint
ALTER TABLE "announcement_objection" ADD COLUMN "ip_hash" text;