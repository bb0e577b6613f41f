-- Overlapping 2-character pieces of a name; a GIN index on it serves 2-character Chinese
-- searches, which pg_trgm cannot (see docs/adr/0003-name-search.md).
CREATE OR REPLACE FUNCTION name_bigrams(t text) RETURNS text[]
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT coalesce(array_agg(DISTINCT substr(lower(t), i, 2)), '{}'::text[])
  FROM generate_series(1, greatest(char_length(t) - 1, 0)) AS i
$$;
--> statement-breakpoint
CREATE INDEX enterprise_name_bigrams_idx ON enterprise USING gin (name_bigrams(name));
