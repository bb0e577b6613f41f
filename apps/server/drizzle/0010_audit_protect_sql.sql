-- Custom migration (ADR 0009): the audit log and its checkpoints can only be appended to.
-- 1. Scope columns for entries written before they existed (same rule as platform/audit: a township or park is
--    its own township_code). Must run before the trigger below, which refuses UPDATE.
UPDATE audit_log a SET
  province_code = r.province_code,
  prefecture_code = r.prefecture_code,
  county_code = r.county_code,
  township_code = CASE WHEN r.level IN ('township', 'park') THEN r.code END
FROM region r
WHERE r.code = a.region_code AND a.province_code IS NULL;
--> statement-breakpoint
-- 2. A trigger refuses UPDATE, DELETE and TRUNCATE for everyone, the table owner included (owners bypass grants;
--    a superuser can still disable the trigger, which is what the signed checkpoints are for).
CREATE OR REPLACE FUNCTION audit_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '审计记录只能追加，不能修改或删除（表 %，操作 %）', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'insufficient_privilege';
END
$$;
--> statement-breakpoint
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_refuse_change();
--> statement-breakpoint
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();
--> statement-breakpoint
CREATE TRIGGER audit_checkpoint_append_only BEFORE UPDATE OR DELETE ON audit_checkpoint
  FOR EACH ROW EXECUTE FUNCTION audit_refuse_change();
--> statement-breakpoint
CREATE TRIGGER audit_checkpoint_no_truncate BEFORE TRUNCATE ON audit_checkpoint
  FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();
--> statement-breakpoint
-- 3. Grants: nobody keeps UPDATE, DELETE or TRUNCATE on the two tables — not PUBLIC, not the role running this
--    migration (usually the owner, who could grant them back, hence the trigger), and not the application role
--    `taotai_app` if production created it before migrating (ADR 0009 gives the SQL for that role).
REVOKE UPDATE, DELETE, TRUNCATE ON audit_log, audit_checkpoint FROM PUBLIC;
--> statement-breakpoint
REVOKE UPDATE, DELETE, TRUNCATE ON audit_log, audit_checkpoint FROM CURRENT_USER;
--> statement-breakpoint
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'taotai_app') THEN
    EXECUTE 'REVOKE UPDATE, DELETE, TRUNCATE ON audit_log, audit_checkpoint FROM taotai_app';
  END IF;
END
$$;
