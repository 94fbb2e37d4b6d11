-- CreateEnum
CREATE TYPE "attendee_category" AS ENUM ('STAKEHOLDER', 'PUBLIC', 'EXPERT', 'MEDIA');

-- CreateEnum
CREATE TYPE "registration_status" AS ENUM ('APPLIED', 'SELECTED', 'NOT_SELECTED', 'WAITLISTED', 'CHECKED_IN', 'CANCELLED');

-- AlterTable
ALTER TABLE "event" ADD COLUMN     "cancel_reason" TEXT,
ADD COLUMN     "cancelled_at" TIMESTAMPTZ(3),
ADD COLUMN     "draw_at" TIMESTAMPTZ(3),
ADD COLUMN     "draw_record" JSONB,
ADD COLUMN     "draw_seed" TEXT,
ADD COLUMN     "draw_witnesses" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "outcome_published_at" TIMESTAMPTZ(3),
ADD COLUMN     "outcome_summary" TEXT,
ADD COLUMN     "published_at" TIMESTAMPTZ(3),
ADD COLUMN     "waitlist_capacity" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "waitlist_count" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "registration" (
    "id" SERIAL NOT NULL,
    "event_id" INTEGER NOT NULL,
    "citizen_id" INTEGER,
    "name" TEXT NOT NULL,
    "phone" TEXT NOT NULL,
    "category" "attendee_category" NOT NULL,
    "region" TEXT,
    "sector" TEXT,
    "age_band" TEXT,
    "gender" TEXT,
    "accessibility_needs" TEXT,
    "status" "registration_status" NOT NULL,
    "check_in_code" TEXT NOT NULL,
    "public_code" TEXT NOT NULL,
    "review_reason" TEXT,
    "keep_in_pool" BOOLEAN NOT NULL DEFAULT false,
    "checked_in_at" TIMESTAMPTZ(3),
    "reminded_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "registration_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "registration_check_in_code_key" ON "registration"("check_in_code");

-- CreateIndex
CREATE UNIQUE INDEX "registration_public_code_key" ON "registration"("public_code");

-- CreateIndex
CREATE INDEX "registration_event_id_status_idx" ON "registration"("event_id", "status");

-- CreateIndex
CREATE INDEX "registration_citizen_id_idx" ON "registration"("citizen_id");

-- AddForeignKey
ALTER TABLE "registration" ADD CONSTRAINT "registration_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "event"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "registration" ADD CONSTRAINT "registration_citizen_id_fkey" FOREIGN KEY ("citizen_id") REFERENCES "citizen"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- One active registration per person per event (a cancelled one does not block signing up again).
CREATE UNIQUE INDEX "registration_one_active_per_person" ON "registration" ("event_id", "citizen_id") WHERE "status" <> 'CANCELLED';
-- Seats can never be overbooked, whatever the code does.
ALTER TABLE "event" ADD CONSTRAINT "event_seats_within_capacity" CHECK ("confirmed_count" >= 0 AND "confirmed_count" <= "capacity" - "reserved_seats");
ALTER TABLE "event" ADD CONSTRAINT "event_waitlist_within_capacity" CHECK ("waitlist_count" >= 0 AND "waitlist_count" <= "waitlist_capacity");

-- Events that existed before publication was tracked were already public.
UPDATE "event" SET "published_at" = "created_at" WHERE "published_at" IS NULL;
