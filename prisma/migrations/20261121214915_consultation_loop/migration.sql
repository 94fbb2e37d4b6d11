-- CreateEnum
CREATE TYPE "window_change_kind" AS ENUM ('EXTENDED', 'CLOSED_EARLY');

-- CreateEnum
CREATE TYPE "opinion_consent" AS ENUM ('PUBLISH_MASKED', 'PUBLISH_NAMED', 'PRIVATE');

-- CreateEnum
CREATE TYPE "moderation_status" AS ENUM ('PENDING', 'APPROVED', 'HIDDEN');

-- CreateEnum
CREATE TYPE "adoption" AS ENUM ('ADOPTED', 'PARTIALLY_ADOPTED', 'NOT_ADOPTED', 'EXPLAINED');

-- DropIndex
DROP INDEX "opinion_consultation_id_idx";

-- AlterTable
ALTER TABLE "consultation" ADD COLUMN     "published_at" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "opinion" ADD COLUMN     "author_name" TEXT,
ADD COLUMN     "citizen_id" INTEGER,
ADD COLUMN     "consent" "opinion_consent" NOT NULL DEFAULT 'PUBLISH_MASKED',
ADD COLUMN     "contact_phone" TEXT,
ADD COLUMN     "group_id" INTEGER,
ADD COLUMN     "hidden_reason" TEXT,
ADD COLUMN     "idempotency_key" TEXT,
ADD COLUMN     "moderated_at" TIMESTAMPTZ(3),
ADD COLUMN     "moderated_by_id" INTEGER,
ADD COLUMN     "moderation" "moderation_status" NOT NULL DEFAULT 'PENDING',
ADD COLUMN     "request_hash" TEXT,
ADD COLUMN     "sec_check_suggest" TEXT;

-- CreateTable
CREATE TABLE "draft_version" (
    "id" SERIAL NOT NULL,
    "consultation_id" INTEGER NOT NULL,
    "version" INTEGER NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "published_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "draft_version_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "window_change" (
    "id" SERIAL NOT NULL,
    "consultation_id" INTEGER NOT NULL,
    "kind" "window_change_kind" NOT NULL,
    "previous_closes_at" TIMESTAMPTZ(3) NOT NULL,
    "closes_at" TIMESTAMPTZ(3) NOT NULL,
    "reason" TEXT NOT NULL,
    "staff_id" INTEGER NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "window_change_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "opinion_answer" (
    "id" SERIAL NOT NULL,
    "opinion_id" INTEGER NOT NULL,
    "adoption" "adoption" NOT NULL,
    "reason" TEXT,
    "content" TEXT NOT NULL,
    "department_id" INTEGER NOT NULL,
    "replied_at" TIMESTAMPTZ(3) NOT NULL,
    "staff_id" INTEGER NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "opinion_answer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "opinion_answer_revision" (
    "id" SERIAL NOT NULL,
    "answer_id" INTEGER NOT NULL,
    "adoption" "adoption" NOT NULL,
    "reason" TEXT,
    "content" TEXT NOT NULL,
    "department_id" INTEGER NOT NULL,
    "replied_at" TIMESTAMPTZ(3) NOT NULL,
    "staff_id" INTEGER NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "opinion_answer_revision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "opinion_group" (
    "id" SERIAL NOT NULL,
    "consultation_id" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "adoption" "adoption",
    "reason" TEXT,
    "content" TEXT,
    "department_id" INTEGER,
    "replied_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "opinion_group_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "draft_version_consultation_id_version_key" ON "draft_version"("consultation_id", "version");

-- CreateIndex
CREATE INDEX "window_change_consultation_id_idx" ON "window_change"("consultation_id");

-- CreateIndex
CREATE UNIQUE INDEX "opinion_answer_opinion_id_key" ON "opinion_answer"("opinion_id");

-- CreateIndex
CREATE INDEX "opinion_answer_revision_answer_id_idx" ON "opinion_answer_revision"("answer_id");

-- CreateIndex
CREATE INDEX "opinion_group_consultation_id_idx" ON "opinion_group"("consultation_id");

-- CreateIndex
CREATE INDEX "opinion_consultation_id_moderation_idx" ON "opinion"("consultation_id", "moderation");

-- CreateIndex
CREATE UNIQUE INDEX "opinion_citizen_id_idempotency_key_key" ON "opinion"("citizen_id", "idempotency_key");

-- AddForeignKey
ALTER TABLE "draft_version" ADD CONSTRAINT "draft_version_consultation_id_fkey" FOREIGN KEY ("consultation_id") REFERENCES "consultation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "window_change" ADD CONSTRAINT "window_change_consultation_id_fkey" FOREIGN KEY ("consultation_id") REFERENCES "consultation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "opinion" ADD CONSTRAINT "opinion_citizen_id_fkey" FOREIGN KEY ("citizen_id") REFERENCES "citizen"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "opinion" ADD CONSTRAINT "opinion_group_id_fkey" FOREIGN KEY ("group_id") REFERENCES "opinion_group"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "opinion_answer" ADD CONSTRAINT "opinion_answer_opinion_id_fkey" FOREIGN KEY ("opinion_id") REFERENCES "opinion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "opinion_answer" ADD CONSTRAINT "opinion_answer_department_id_fkey" FOREIGN KEY ("department_id") REFERENCES "department"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "opinion_answer_revision" ADD CONSTRAINT "opinion_answer_revision_answer_id_fkey" FOREIGN KEY ("answer_id") REFERENCES "opinion_answer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "opinion_group" ADD CONSTRAINT "opinion_group_consultation_id_fkey" FOREIGN KEY ("consultation_id") REFERENCES "consultation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "opinion_group" ADD CONSTRAINT "opinion_group_department_id_fkey" FOREIGN KEY ("department_id") REFERENCES "department"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- A reason is mandatory when an opinion is partly or not adopted (also enforced by the shared schema).
ALTER TABLE "opinion_answer" ADD CONSTRAINT "opinion_answer_reason_required"
  CHECK ("adoption" NOT IN ('PARTIALLY_ADOPTED', 'NOT_ADOPTED') OR length(btrim(coalesce("reason", ''))) > 0);
ALTER TABLE "opinion_answer_revision" ADD CONSTRAINT "opinion_answer_revision_reason_required"
  CHECK ("adoption" NOT IN ('PARTIALLY_ADOPTED', 'NOT_ADOPTED') OR length(btrim(coalesce("reason", ''))) > 0);
ALTER TABLE "opinion_group" ADD CONSTRAINT "opinion_group_reason_required"
  CHECK ("adoption" IS NULL OR "adoption" NOT IN ('PARTIALLY_ADOPTED', 'NOT_ADOPTED') OR length(btrim(coalesce("reason", ''))) > 0);
-- Hiding an opinion needs a reason (only approved opinions carry published text).
ALTER TABLE "opinion" ADD CONSTRAINT "opinion_hidden_reason_required"
  CHECK ("moderation" <> 'HIDDEN' OR length(btrim(coalesce("hidden_reason", ''))) > 0);

-- Consultations that existed before publication was tracked were already public.
UPDATE "consultation" SET "published_at" = "created_at" WHERE "published_at" IS NULL;
INSERT INTO "draft_version" ("consultation_id", "version", "note", "published_at")
  SELECT "id", "draft_version", '', "created_at" FROM "consultation";
