CREATE TABLE "exit_task" (
	"id" serial PRIMARY KEY NOT NULL,
	"plan_id" integer NOT NULL,
	"plan_line_id" integer NOT NULL,
	"line_id" bigint NOT NULL,
	"enterprise_id" bigint NOT NULL,
	"status" text DEFAULT 'planned' NOT NULL,
	"exit_deadline" date NOT NULL,
	"dismantle_deadline" date,
	"seal" jsonb,
	"dismantle" jsonb,
	"reject_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "exit_task_event" (
	"id" serial PRIMARY KEY NOT NULL,
	"task_id" integer NOT NULL,
	"event" text NOT NULL,
	"from_status" text NOT NULL,
	"to_status" text NOT NULL,
	"payload" jsonb NOT NULL,
	"actor_id" integer,
	"actor_name" text NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "exit_task_evidence" (
	"id" serial PRIMARY KEY NOT NULL,
	"task_id" integer NOT NULL,
	"kind" text NOT NULL,
	"file_id" integer NOT NULL,
	"uploaded_by" integer,
	"uploaded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "exit_task_plan_line_uq" ON "exit_task" USING btree ("plan_line_id");--> statement-breakpoint
CREATE INDEX "exit_task_enterprise_idx" ON "exit_task" USING btree ("enterprise_id");--> statement-breakpoint
CREATE INDEX "exit_task_line_idx" ON "exit_task" USING btree ("line_id");--> statement-breakpoint
CREATE INDEX "exit_task_event_task_idx" ON "exit_task_event" USING btree ("task_id");--> statement-breakpoint
CREATE INDEX "exit_task_evidence_task_idx" ON "exit_task_evidence" USING btree ("task_id");