-- Custom migration: counts exit tasks created before the progress rollup existed (same SQL as
-- progressMaintenance.rebuild in modules/progress/progress.repository.ts; the tables are empty here).
INSERT INTO progress_rollup (region_code, year, industry_code, unit, stage, tasks, capacity)
SELECT a.code, p.year, pl.industry_code, pl.capacity_unit,
  CASE WHEN t.status IN ('dismantled', 'acceptance_requested', 'rejected') THEN 'dismantled' ELSE t.status END, count(*), sum(pl.capacity)
FROM exit_task t
JOIN elimination_plan p ON p.id = t.plan_id
JOIN elimination_plan_line pl ON pl.id = t.plan_line_id
JOIN enterprise e ON e.id = t.enterprise_id
CROSS JOIN LATERAL (
  SELECT DISTINCT c.code FROM unnest(ARRAY['100000', e.province_code, e.prefecture_code, e.county_code, e.township_code, e.region_code]) AS c(code)
  WHERE c.code IS NOT NULL) a
GROUP BY 1, 2, 3, 4, 5;
--> statement-breakpoint
INSERT INTO progress_sealed_deadline (region_code, year, deadline, tasks)
SELECT a.code, p.year, t.dismantle_deadline, count(*)
FROM exit_task t
JOIN elimination_plan p ON p.id = t.plan_id
JOIN enterprise e ON e.id = t.enterprise_id
CROSS JOIN LATERAL (
  SELECT DISTINCT c.code FROM unnest(ARRAY['100000', e.province_code, e.prefecture_code, e.county_code, e.township_code, e.region_code]) AS c(code)
  WHERE c.code IS NOT NULL) a
WHERE t.status = 'sealed' AND t.dismantle_deadline IS NOT NULL
GROUP BY 1, 2, 3;
--> statement-breakpoint
INSERT INTO progress_enterprise (enterprise_id, year, tasks, done)
SELECT t.enterprise_id, p.year, count(*), count(*) FILTER (WHERE t.status IN ('accepted', 'closed'))
FROM exit_task t JOIN elimination_plan p ON p.id = t.plan_id
GROUP BY 1, 2;
--> statement-breakpoint
INSERT INTO progress_enterprise_rollup (region_code, year, planned, accepted)
SELECT a.code, pe.year, count(*), count(*) FILTER (WHERE pe.done = pe.tasks)
FROM progress_enterprise pe
JOIN enterprise e ON e.id = pe.enterprise_id
CROSS JOIN LATERAL (
  SELECT DISTINCT c.code FROM unnest(ARRAY['100000', e.province_code, e.prefecture_code, e.county_code, e.township_code, e.region_code]) AS c(code)
  WHERE c.code IS NOT NULL) a
GROUP BY 1, 2;
