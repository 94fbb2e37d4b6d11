-- AlterTable
ALTER TABLE "event" ADD COLUMN     "invited_count" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "event_invitee" (
    "id" SERIAL NOT NULL,
    "event_id" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "unit" TEXT NOT NULL,
    "phone" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "event_invitee_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "event_invitee_event_id_idx" ON "event_invitee"("event_id");

-- AddForeignKey
ALTER TABLE "event_invitee" ADD CONSTRAINT "event_invitee_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "event"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Invitee seats come out of the reserved seats only, never beyond them
ALTER TABLE "event" ADD CONSTRAINT "event_invited_count_within_reserved" CHECK ("invited_count" >= 0 AND "invited_count" <= "reserved_seats");
