-- Opinions keep the masks that made their published text, so that moderating again starts from them (a
-- mask by hand the detector does not know is otherwise lost). Stored like the contract masks:
-- [{start,end,kind}] with no kind for a manual mask (【已隐去】).
ALTER TABLE "opinion" ADD COLUMN "masks" JSONB NOT NULL DEFAULT '[]';

-- Backfill: every moderation wrote its masks to the audit log in the same transaction (moderateOpinion,
-- after.redactions with kind MANUAL for a manual mask), so the latest such entry of an approved opinion
-- holds its current masks. Rows without one (or whose latest moderation hid them) keep an empty list.
UPDATE "opinion" AS o
SET "masks" = latest."masks"
FROM (
  SELECT DISTINCT ON (a."entity_id")
    a."entity_id",
    CASE
      WHEN a."after"->>'moderation' = 'APPROVED' AND jsonb_typeof(a."after"->'redactions') = 'array' THEN
        COALESCE(
          (
            SELECT jsonb_agg(
              CASE WHEN r->>'kind' = 'MANUAL' THEN r - 'kind' ELSE r END
              ORDER BY (r->>'start')::int
            )
            FROM jsonb_array_elements(a."after"->'redactions') AS r
          ),
          '[]'::jsonb
        )
      ELSE '[]'::jsonb
    END AS "masks"
  FROM "audit_log" AS a
  WHERE a."entity" = 'opinion'
    AND a."action" = 'moderateOpinion'
  ORDER BY a."entity_id", a."id" DESC
) AS latest
WHERE latest."entity_id" = o."id"::text
  AND o."moderation" = 'APPROVED';
