-- Issue 9: the 30-day rule follows the catalog, and reply dates cannot precede receipt.

-- A consultation linked to the decision catalog is a major decision by definition.
UPDATE "consultation" SET "is_major_decision" = true WHERE "decision_id" IS NOT NULL AND NOT "is_major_decision";
ALTER TABLE "consultation" ADD CONSTRAINT "consultation_catalog_decision_is_major" CHECK ("decision_id" IS NULL OR "is_major_decision");

-- AlterTable: when an event opinion was received (the meeting's day, a letter's arrival).
ALTER TABLE "event_opinion" ADD COLUMN "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;
UPDATE "event_opinion" SET "received_at" = "created_at";
