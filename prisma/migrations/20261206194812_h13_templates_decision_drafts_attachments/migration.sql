-- Issue 13: answer templates per department (staff only), draft/published catalog entries, and attachments of
-- consultation drafts (起草说明, 依据文件) and events (会议材料) whose bytes live in the BFF's storage module.
-- CreateEnum
CREATE TYPE "attachment_kind" AS ENUM ('DRAFTING_NOTE', 'BASIS', 'MEETING_MATERIAL', 'OTHER');

-- AlterTable
ALTER TABLE "decision" ADD COLUMN     "published_at" TIMESTAMPTZ(3);
-- Entries kept before drafts existed were public as soon as saved: they stay published.
UPDATE "decision" SET "published_at" = "created_at";

-- CreateTable
CREATE TABLE "answer_template" (
    "id" SERIAL NOT NULL,
    "department_id" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "answer_template_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "attachment" (
    "id" SERIAL NOT NULL,
    "consultation_id" INTEGER,
    "event_id" INTEGER,
    "kind" "attachment_kind" NOT NULL,
    "title" TEXT NOT NULL,
    "filename" TEXT NOT NULL,
    "content_type" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "storage_key" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "attachment_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "answer_template_department_id_title_key" ON "answer_template"("department_id", "title");

-- CreateIndex
CREATE UNIQUE INDEX "attachment_storage_key_key" ON "attachment"("storage_key");

-- CreateIndex
CREATE INDEX "attachment_consultation_id_idx" ON "attachment"("consultation_id");

-- CreateIndex
CREATE INDEX "attachment_event_id_idx" ON "attachment"("event_id");

-- AddForeignKey
ALTER TABLE "answer_template" ADD CONSTRAINT "answer_template_department_id_fkey" FOREIGN KEY ("department_id") REFERENCES "department"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "attachment" ADD CONSTRAINT "attachment_consultation_id_fkey" FOREIGN KEY ("consultation_id") REFERENCES "consultation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "attachment" ADD CONSTRAINT "attachment_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "event"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- An attachment belongs to exactly one consultation or one event.
ALTER TABLE "attachment" ADD CONSTRAINT "attachment_one_owner" CHECK (("consultation_id" IS NULL) <> ("event_id" IS NULL));

-- Public reads list attachments (consultation and event pages): their changes reach every instance's cache
-- (20261206051300_public_change_log). answer_template is shown to staff only (NOT_PUBLIC_TABLES).
CREATE TRIGGER "attachment_public_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "attachment"
  FOR EACH STATEMENT EXECUTE FUNCTION "record_public_change"();
