-- A lottery anyone can verify: commit–reveal secret on the event, one immutable row per draw round.

-- AlterTable
ALTER TABLE "event" ADD COLUMN "draw_commitment" TEXT,
ADD COLUMN "draw_secret" TEXT;

-- CreateTable
CREATE TABLE "event_draw" (
    "id" SERIAL NOT NULL,
    "event_id" INTEGER NOT NULL,
    "round" INTEGER NOT NULL,
    "algorithm" TEXT NOT NULL,
    "reason" TEXT,
    "record" JSONB NOT NULL,
    "drawn_by_id" INTEGER,
    "drawn_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "event_draw_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "event_draw_event_id_round_key" ON "event_draw"("event_id", "round");

-- AddForeignKey
ALTER TABLE "event_draw" ADD CONSTRAINT "event_draw_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "event"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Draws made before commit–reveal (staff-typed seed, cyrb53) are kept as legacy rounds.
INSERT INTO "event_draw" ("event_id", "round", "algorithm", "record", "drawn_at")
SELECT "id", 1, 'CYRB53_LEGACY', "draw_record", COALESCE("draw_at", CURRENT_TIMESTAMP) FROM "event" WHERE "draw_record" IS NOT NULL;

-- AlterTable
ALTER TABLE "event" DROP COLUMN "draw_record",
DROP COLUMN "draw_seed",
DROP COLUMN "draw_witnesses";

-- Lottery events not drawn yet get their secret now (gen_random_uuid draws from the system's strong RNG).
UPDATE "event"
SET "draw_secret" = replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', '')
WHERE "selection_mode" = 'LOTTERY' AND "draw_at" IS NULL;
UPDATE "event" SET "draw_commitment" = encode(sha256(convert_to("draw_secret", 'UTF8')), 'hex') WHERE "draw_secret" IS NOT NULL;

-- The commitment is SHA-256 of the secret, and both are set together.
ALTER TABLE "event" ADD CONSTRAINT "event_draw_commitment_matches"
  CHECK (("draw_secret" IS NULL AND "draw_commitment" IS NULL)
    OR ("draw_secret" IS NOT NULL AND "draw_commitment" = encode(sha256(convert_to("draw_secret", 'UTF8')), 'hex')));

-- Once set, neither the secret nor its commitment may change (the repository maps this to DRAW_SECRET_LOCKED).
-- The migration runner splits scripts at every semicolon, so the function bodies are escape strings that
-- write each semicolon as \073.
CREATE FUNCTION "event_draw_secret_locked"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  IF (OLD.draw_secret IS NOT NULL AND NEW.draw_secret IS DISTINCT FROM OLD.draw_secret)
     OR (OLD.draw_commitment IS NOT NULL AND NEW.draw_commitment IS DISTINCT FROM OLD.draw_commitment) THEN
    RAISE EXCEPTION ''DRAW_SECRET_LOCKED: event % draw secret and commitment cannot change once set'', OLD.id
      USING ERRCODE = ''check_violation''\073
  END IF\073
  RETURN NEW\073
END
';
CREATE TRIGGER "event_draw_secret_locked" BEFORE UPDATE OF "draw_secret", "draw_commitment" ON "event"
  FOR EACH ROW EXECUTE FUNCTION "event_draw_secret_locked"();

-- A published round is never changed or removed (a redraw adds a round).
CREATE FUNCTION "event_draw_immutable"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  RAISE EXCEPTION ''EVENT_DRAW_IMMUTABLE: published draw rounds cannot be changed or deleted'' USING ERRCODE = ''check_violation''\073
END
';
CREATE TRIGGER "event_draw_immutable" BEFORE UPDATE OR DELETE ON "event_draw"
  FOR EACH ROW EXECUTE FUNCTION "event_draw_immutable"();
