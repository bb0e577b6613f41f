CREATE TABLE "office_document_setting" (
	"region_code" text PRIMARY KEY NOT NULL,
	"letterhead" text NOT NULL,
	"number_prefix" text NOT NULL,
	"signing_organ" text NOT NULL,
	"contact_person" text DEFAULT '' NOT NULL,
	"phone" text DEFAULT '' NOT NULL,
	"address" text DEFAULT '' NOT NULL,
	"email" text DEFAULT '' NOT NULL,
	"copy_to" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" integer,
	"updated_at" timestamp with time zone NOT NULL
);
