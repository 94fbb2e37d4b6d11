-- Event opinions keep the ranges a recorded dismissal or override left unmasked, like consultation opinions.
-- The public meeting outcome masks any other detected personal information, and older rows get an empty list.
ALTER TABLE "event_opinion" ADD COLUMN "published_exemptions" JSONB NOT NULL DEFAULT '[]';
