-- Notifications told once per moment and citizen (dedupe_key), and follows (关注) of decisions, departments and policy topics.
ALTER TABLE "notification" ADD COLUMN "dedupe_key" TEXT;
CREATE UNIQUE INDEX "notification_citizen_id_dedupe_key_key" ON "notification"("citizen_id", "dedupe_key");

CREATE TYPE "follow_target" AS ENUM ('DECISION', 'DEPARTMENT', 'TOPIC');

CREATE TABLE "follow" (
    "id" SERIAL NOT NULL,
    "citizen_id" INTEGER NOT NULL,
    "target_type" "follow_target" NOT NULL,
    "target_key" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "follow_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "follow_citizen_id_target_type_target_key_key" ON "follow"("citizen_id", "target_type", "target_key");
CREATE INDEX "follow_target_type_target_key_idx" ON "follow"("target_type", "target_key");
ALTER TABLE "follow" ADD CONSTRAINT "follow_citizen_id_fkey" FOREIGN KEY ("citizen_id") REFERENCES "citizen"("id") ON DELETE CASCADE ON UPDATE CASCADE;
