-- Event opinions keep the masks that made their published text, so that correcting a record starts from
-- them (a manual mask the detector does not know is otherwise lost). Stored like the contract's masks:
-- [{start,end,kind}] with no kind for a manual mask (【已隐去】).
ALTER TABLE "event_opinion" ADD COLUMN "masks" JSONB NOT NULL DEFAULT '[]';

-- Backfill: every record and correction wrote its masks to the audit log in the same transaction
-- (after.redactions, kind MANUAL for a manual mask), so the latest such entry holds the current masks.
-- Rows without one keep an empty list (the form then finds personal information again, as before).
UPDATE "event_opinion" AS eo
SET "masks" = latest."masks"
FROM (
  SELECT DISTINCT ON (a."entity_id")
    a."entity_id",
    COALESCE(
      (
        SELECT jsonb_agg(
          CASE WHEN r->>'kind' = 'MANUAL' THEN r - 'kind' ELSE r END
          ORDER BY (r->>'start')::int
        )
        FROM jsonb_array_elements(a."after"->'redactions') AS r
      ),
      '[]'::jsonb
    ) AS "masks"
  FROM "audit_log" AS a
  WHERE a."entity" = 'eventOpinion'
    AND a."action" IN ('recordEventOpinion', 'updateEventOpinion')
    AND jsonb_typeof(a."after"->'redactions') = 'array'
  ORDER BY a."entity_id", a."id" DESC
) AS latest
WHERE latest."entity_id" = eo."id"::text;
