CREATE TABLE "case_extension_request" (
	"id" serial PRIMARY KEY NOT NULL,
	"case_id" integer NOT NULL,
	"months" integer NOT NULL,
	"reason" text NOT NULL,
	"status" text NOT NULL,
	"requested_by" integer,
	"requested_at" timestamp with time zone NOT NULL,
	"decided_by" integer,
	"decided_at" timestamp with time zone,
	"decision_note" text,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_reinspection" (
	"id" serial PRIMARY KEY NOT NULL,
	"case_id" integer NOT NULL,
	"inspected_on" date NOT NULL,
	"inspectors" text NOT NULL,
	"findings" text NOT NULL,
	"result" text NOT NULL,
	"files" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"recorded_by" integer,
	"recorded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "non_compliance_case" (
	"id" serial PRIMARY KEY NOT NULL,
	"enterprise_id" bigint NOT NULL,
	"line_id" bigint,
	"agency_id" integer NOT NULL,
	"criterion" text NOT NULL,
	"basis_id" integer,
	"standard_text" text NOT NULL,
	"findings" text NOT NULL,
	"decision_no" text NOT NULL,
	"served_on" date NOT NULL,
	"deadline" date,
	"original_deadline" date,
	"status" text NOT NULL,
	"concluded_on" date,
	"closure_decision_no" text,
	"files" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_by" integer,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "case_extension_case_idx" ON "case_extension_request" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "case_reinspection_case_idx" ON "case_reinspection" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "nc_case_enterprise_idx" ON "non_compliance_case" USING btree ("enterprise_id");--> statement-breakpoint
CREATE INDEX "nc_case_line_idx" ON "non_compliance_case" USING btree ("line_id");--> statement-breakpoint
CREATE INDEX "nc_case_agency_status_idx" ON "non_compliance_case" USING btree ("agency_id","status");--> statement-breakpoint
CREATE INDEX "nc_case_status_deadline_idx" ON "non_compliance_case" USING btree ("status","deadline");