-- Ranges of the published text left unmasked by a recorded dismissal or override.
-- The public rendering masks any other detected personal information, and older rows get an empty list.
ALTER TABLE "opinion" ADD COLUMN "published_exemptions" JSONB NOT NULL DEFAULT '[]';
