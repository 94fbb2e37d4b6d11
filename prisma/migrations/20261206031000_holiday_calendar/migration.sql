-- State Council holiday arrangements entered by administrators for years the bundled chinese-days
-- package does not have yet. A year's rows replace the package's arrangement for that year.

-- CreateEnum
CREATE TYPE "holiday_kind" AS ENUM ('HOLIDAY', 'WORKDAY');

-- CreateTable
CREATE TABLE "holiday_calendar" (
    "year" INTEGER NOT NULL,
    "date" DATE NOT NULL,
    "kind" "holiday_kind" NOT NULL,
    "name" TEXT NOT NULL DEFAULT '',
    "source" TEXT NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "holiday_calendar_pkey" PRIMARY KEY ("date")
);

-- CreateIndex
CREATE INDEX "holiday_calendar_year_idx" ON "holiday_calendar"("year");

-- A row belongs to the year of its date, and an adjusted working day (调休上班) is a Saturday or Sunday.
ALTER TABLE "holiday_calendar" ADD CONSTRAINT "holiday_calendar_year_of_date" CHECK ("year" = EXTRACT(YEAR FROM "date")::INTEGER);
ALTER TABLE "holiday_calendar" ADD CONSTRAINT "holiday_calendar_workday_on_weekend" CHECK ("kind" = 'HOLIDAY' OR EXTRACT(ISODOW FROM "date") IN (6, 7));
