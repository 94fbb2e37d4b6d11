-- Lottery quotas belong to the event: set on the event form, public with the commitment from the start
-- of signups, and locked from then on together with the seats they share (capacity and reserved seats).
-- A draw uses only these quotas.

-- AlterTable
ALTER TABLE "event" ADD COLUMN "draw_quotas" JSONB NOT NULL DEFAULT '[]';

-- Quotas are a JSON array.
ALTER TABLE "event" ADD CONSTRAINT "event_draw_quotas_array" CHECK (jsonb_typeof("draw_quotas") = 'array');

-- Events drawn before this change chose their quotas at the draw: they keep the quotas of the round in
-- force, so their public record still checks out (the trigger below does not exist yet).
UPDATE "event" e SET "draw_quotas" = d."record"->'quotas'
  FROM "event_draw" d
  WHERE d."event_id" = e."id"
    AND jsonb_typeof(d."record"->'quotas') = 'array'
    AND d."round" = (SELECT max(d2."round") FROM "event_draw" d2 WHERE d2."event_id" = e."id");

-- A lottery event's quotas, capacity and reserved seats cannot change once signups have opened or anyone
-- has signed up (the repository maps this to DRAW_QUOTAS_LOCKED). Function bodies are escape strings
-- that write each semicolon as \073 (the migration runner splits scripts at every semicolon).
CREATE FUNCTION "event_draw_quotas_locked"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  IF OLD.selection_mode = ''LOTTERY''
     AND (NEW.draw_quotas IS DISTINCT FROM OLD.draw_quotas
       OR NEW.capacity IS DISTINCT FROM OLD.capacity
       OR NEW.reserved_seats IS DISTINCT FROM OLD.reserved_seats)
     AND (OLD.signup_opens_at <= now() OR EXISTS (SELECT 1 FROM registration r WHERE r.event_id = OLD.id)) THEN
    RAISE EXCEPTION ''DRAW_QUOTAS_LOCKED: event % quotas and seats cannot change once signups open'', OLD.id
      USING ERRCODE = ''check_violation''\073
  END IF\073
  RETURN NEW\073
END
';
CREATE TRIGGER "event_draw_quotas_locked" BEFORE UPDATE OF "draw_quotas", "capacity", "reserved_seats" ON "event"
  FOR EACH ROW EXECUTE FUNCTION "event_draw_quotas_locked"();
