-- Opinions received offline (by phone, letter, e-mail, at a 座谈会 or 听证会, in a survey) are entered by
-- staff and counted in the adoption report with their channel. Every earlier opinion came in online.

-- CreateEnum
CREATE TYPE "opinion_channel" AS ENUM ('ONLINE', 'PHONE', 'LETTER', 'EMAIL', 'SYMPOSIUM', 'HEARING', 'SURVEY');

-- AlterTable
ALTER TABLE "opinion" ADD COLUMN "channel" "opinion_channel" NOT NULL DEFAULT 'ONLINE',
ADD COLUMN "entered_by_id" INTEGER,
ADD COLUMN "received_at" TIMESTAMPTZ(3);

-- An online opinion was received when it was submitted.
UPDATE "opinion" SET "received_at" = "created_at";

ALTER TABLE "opinion" ALTER COLUMN "received_at" SET NOT NULL,
ALTER COLUMN "received_at" SET DEFAULT CURRENT_TIMESTAMP;

-- An offline opinion has no citizen account and names the staff member who entered it.
ALTER TABLE "opinion" ADD CONSTRAINT "opinion_offline_entered_by_staff" CHECK (
  ("channel" = 'ONLINE' AND "entered_by_id" IS NULL) OR ("channel" <> 'ONLINE' AND "citizen_id" IS NULL AND "entered_by_id" IS NOT NULL)
);

-- An online opinion is received the moment it is stored: received_at follows created_at for ONLINE rows,
-- whatever the writer sends. The migration runner splits scripts at every semicolon, so the function body
-- is an escape string that writes each semicolon as \073.
CREATE FUNCTION "opinion_online_received_at"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  IF NEW.channel = ''ONLINE'' THEN
    NEW.received_at := NEW.created_at\073
  END IF\073
  RETURN NEW\073
END
';
CREATE TRIGGER "opinion_online_received_at" BEFORE INSERT OR UPDATE OF "created_at", "received_at", "channel" ON "opinion"
  FOR EACH ROW EXECUTE FUNCTION "opinion_online_received_at"();
