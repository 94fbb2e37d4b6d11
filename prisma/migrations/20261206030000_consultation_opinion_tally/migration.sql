-- Opinions received per consultation, kept by triggers on opinion, so the public consultation list and
-- detail read one row per consultation instead of counting the opinion table on every request (that count
-- grew with every opinion ever submitted). It counts every opinion, whatever its moderation, as before.
-- A side table rather than a column on consultation: a submission holds the consultation row FOR SHARE
-- while it checks the window, and two submissions raising a counter on that row would deadlock.

-- CreateTable
CREATE TABLE "consultation_tally" (
    "consultation_id" INTEGER NOT NULL,
    "opinion_count" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "consultation_tally_pkey" PRIMARY KEY ("consultation_id")
);

-- AddForeignKey
ALTER TABLE "consultation_tally" ADD CONSTRAINT "consultation_tally_consultation_id_fkey" FOREIGN KEY ("consultation_id") REFERENCES "consultation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Backfill from the opinions already stored.
INSERT INTO "consultation_tally" ("consultation_id", "opinion_count")
SELECT "consultation_id", count(*) FROM "opinion" GROUP BY "consultation_id";

-- Statement-level triggers with transition tables: one upsert per statement and consultation, so a bulk
-- insert (seed, import) costs one row update per consultation, not one per opinion. Rows are touched in
-- consultation order so two bulk statements cannot deadlock on each other.
-- The migration runner splits scripts at every semicolon, so the function bodies are escape strings that
-- write each semicolon as \073.
CREATE FUNCTION "consultation_tally_opinions_added"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  INSERT INTO consultation_tally AS t (consultation_id, opinion_count)
  SELECT consultation_id, count(*) FROM added GROUP BY consultation_id ORDER BY consultation_id
  ON CONFLICT (consultation_id) DO UPDATE SET opinion_count = t.opinion_count + excluded.opinion_count\073
  RETURN NULL\073
END
';
CREATE TRIGGER "consultation_tally_opinions_added" AFTER INSERT ON "opinion"
  REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION "consultation_tally_opinions_added"();

CREATE FUNCTION "consultation_tally_opinions_removed"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  UPDATE consultation_tally AS t SET opinion_count = t.opinion_count - r.n
  FROM (SELECT consultation_id, count(*) AS n FROM removed GROUP BY consultation_id ORDER BY consultation_id) AS r
  WHERE t.consultation_id = r.consultation_id\073
  RETURN NULL\073
END
';
CREATE TRIGGER "consultation_tally_opinions_removed" AFTER DELETE ON "opinion"
  REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION "consultation_tally_opinions_removed"();

-- An opinion moved to another consultation (no path does this today) moves its count with it.
CREATE FUNCTION "consultation_tally_opinion_moved"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  UPDATE consultation_tally SET opinion_count = opinion_count - 1 WHERE consultation_id = OLD.consultation_id\073
  INSERT INTO consultation_tally AS t (consultation_id, opinion_count) VALUES (NEW.consultation_id, 1)
  ON CONFLICT (consultation_id) DO UPDATE SET opinion_count = t.opinion_count + 1\073
  RETURN NULL\073
END
';
CREATE TRIGGER "consultation_tally_opinion_moved" AFTER UPDATE OF "consultation_id" ON "opinion"
  FOR EACH ROW WHEN (OLD."consultation_id" IS DISTINCT FROM NEW."consultation_id") EXECUTE FUNCTION "consultation_tally_opinion_moved"();
