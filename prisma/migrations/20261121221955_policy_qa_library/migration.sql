-- CreateEnum
CREATE TYPE "content_status" AS ENUM ('DRAFT', 'PUBLISHED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "interpretation_kind" AS ENUM ('TEXT', 'GRAPHIC', 'QA');

-- CreateEnum
CREATE TYPE "policy_question_status" AS ENUM ('PENDING', 'ANSWERED', 'DECLINED');

-- AlterTable
ALTER TABLE "policy_document" ADD COLUMN     "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "released_at" TIMESTAMPTZ(3),
ADD COLUMN     "replaced_by_id" INTEGER,
ADD COLUMN     "status" "content_status" NOT NULL DEFAULT 'DRAFT',
ADD COLUMN     "summary" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "topic" TEXT,
ADD COLUMN     "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "validity_changed_at" TIMESTAMPTZ(3),
ADD COLUMN     "validity_note" TEXT;

-- AlterTable
ALTER TABLE "qa_item" ADD COLUMN     "aliases" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "answer_blocks" JSONB,
ADD COLUMN     "clause_id" INTEGER,
ADD COLUMN     "created_by_id" INTEGER,
ADD COLUMN     "external_id" TEXT,
ADD COLUMN     "flagged_at" TIMESTAMPTZ(3),
ADD COLUMN     "pending_revision" JSONB,
ADD COLUMN     "published_at" TIMESTAMPTZ(3),
ADD COLUMN     "review_notice" TEXT,
ADD COLUMN     "status" "content_status" NOT NULL DEFAULT 'DRAFT',
ADD COLUMN     "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "view_count" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "policy_section" (
    "id" SERIAL NOT NULL,
    "document_id" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "heading" TEXT NOT NULL,
    "body" TEXT NOT NULL,

    CONSTRAINT "policy_section_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "policy_attachment" (
    "id" SERIAL NOT NULL,
    "document_id" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "url" TEXT NOT NULL,

    CONSTRAINT "policy_attachment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "policy_interpretation" (
    "id" SERIAL NOT NULL,
    "document_id" INTEGER NOT NULL,
    "kind" "interpretation_kind" NOT NULL,
    "title" TEXT NOT NULL,
    "body" JSONB NOT NULL,
    "author" TEXT NOT NULL DEFAULT '',
    "status" "content_status" NOT NULL DEFAULT 'DRAFT',
    "released_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "policy_interpretation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "qa_topic" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "qa_topic_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "qa_synonym" (
    "id" SERIAL NOT NULL,
    "terms" TEXT[],
    "expansions" TEXT[],
    "created_by_id" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "qa_synonym_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "qa_library_state" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "version" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "qa_library_state_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "qa_item_daily_stat" (
    "item_id" INTEGER NOT NULL,
    "day" DATE NOT NULL,
    "views" INTEGER NOT NULL DEFAULT 0,
    "search_hits" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "qa_item_daily_stat_pkey" PRIMARY KEY ("item_id","day")
);

-- CreateTable
CREATE TABLE "qa_import" (
    "id" SERIAL NOT NULL,
    "staff_id" INTEGER NOT NULL,
    "format" TEXT NOT NULL,
    "filename" TEXT NOT NULL DEFAULT '',
    "committed_at" TIMESTAMPTZ(3),
    "result" JSONB,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "qa_import_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "qa_import_part" (
    "import_id" INTEGER NOT NULL,
    "index" INTEGER NOT NULL,
    "data" BYTEA NOT NULL,

    CONSTRAINT "qa_import_part_pkey" PRIMARY KEY ("import_id","index")
);

-- CreateTable
CREATE TABLE "policy_question" (
    "id" SERIAL NOT NULL,
    "receipt_code" TEXT NOT NULL,
    "citizen_id" INTEGER,
    "text" TEXT NOT NULL,
    "topic" TEXT,
    "policy_document_id" INTEGER,
    "idempotency_key" TEXT,
    "request_hash" TEXT,
    "sec_check_suggest" TEXT,
    "status" "policy_question_status" NOT NULL DEFAULT 'PENDING',
    "due_at" TIMESTAMPTZ(3) NOT NULL,
    "answer" TEXT,
    "decline_reason" TEXT,
    "department_id" INTEGER,
    "answered_at" TIMESTAMPTZ(3),
    "answered_by_id" INTEGER,
    "promoted_item_id" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "policy_question_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "policy_section_document_id_position_key" ON "policy_section"("document_id", "position");

-- CreateIndex
CREATE UNIQUE INDEX "policy_attachment_document_id_position_key" ON "policy_attachment"("document_id", "position");

-- CreateIndex
CREATE INDEX "policy_interpretation_document_id_idx" ON "policy_interpretation"("document_id");

-- CreateIndex
CREATE UNIQUE INDEX "qa_topic_name_key" ON "qa_topic"("name");

-- CreateIndex
CREATE INDEX "qa_item_daily_stat_day_idx" ON "qa_item_daily_stat"("day");

-- CreateIndex
CREATE UNIQUE INDEX "policy_question_receipt_code_key" ON "policy_question"("receipt_code");

-- CreateIndex
CREATE INDEX "policy_question_status_due_at_idx" ON "policy_question"("status", "due_at");

-- CreateIndex
CREATE INDEX "policy_question_citizen_id_created_at_idx" ON "policy_question"("citizen_id", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "policy_question_citizen_id_idempotency_key_key" ON "policy_question"("citizen_id", "idempotency_key");

-- CreateIndex
CREATE INDEX "policy_document_status_published_at_idx" ON "policy_document"("status", "published_at");

-- CreateIndex
CREATE UNIQUE INDEX "qa_item_external_id_key" ON "qa_item"("external_id");

-- CreateIndex
CREATE INDEX "qa_item_status_topic_idx" ON "qa_item"("status", "topic");

-- CreateIndex
CREATE INDEX "qa_item_policy_document_id_idx" ON "qa_item"("policy_document_id");

-- AddForeignKey
ALTER TABLE "policy_document" ADD CONSTRAINT "policy_document_replaced_by_id_fkey" FOREIGN KEY ("replaced_by_id") REFERENCES "policy_document"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "policy_section" ADD CONSTRAINT "policy_section_document_id_fkey" FOREIGN KEY ("document_id") REFERENCES "policy_document"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "policy_attachment" ADD CONSTRAINT "policy_attachment_document_id_fkey" FOREIGN KEY ("document_id") REFERENCES "policy_document"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "policy_interpretation" ADD CONSTRAINT "policy_interpretation_document_id_fkey" FOREIGN KEY ("document_id") REFERENCES "policy_document"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "qa_item" ADD CONSTRAINT "qa_item_clause_id_fkey" FOREIGN KEY ("clause_id") REFERENCES "policy_section"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "qa_item_daily_stat" ADD CONSTRAINT "qa_item_daily_stat_item_id_fkey" FOREIGN KEY ("item_id") REFERENCES "qa_item"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "qa_import_part" ADD CONSTRAINT "qa_import_part_import_id_fkey" FOREIGN KEY ("import_id") REFERENCES "qa_import"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "policy_question" ADD CONSTRAINT "policy_question_citizen_id_fkey" FOREIGN KEY ("citizen_id") REFERENCES "citizen"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "policy_question" ADD CONSTRAINT "policy_question_policy_document_id_fkey" FOREIGN KEY ("policy_document_id") REFERENCES "policy_document"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "policy_question" ADD CONSTRAINT "policy_question_department_id_fkey" FOREIGN KEY ("department_id") REFERENCES "department"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "policy_question" ADD CONSTRAINT "policy_question_promoted_item_id_fkey" FOREIGN KEY ("promoted_item_id") REFERENCES "qa_item"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- Data: documents and Q&A items that existed before publication states were introduced were public
UPDATE "policy_document" SET "status" = 'PUBLISHED', "released_at" = "published_at" WHERE "status" = 'DRAFT';
UPDATE "qa_item" SET "status" = 'PUBLISHED', "published_at" = "created_at" WHERE "status" = 'DRAFT';

-- The library version every BFF process compares with its in-memory search index
INSERT INTO "qa_library_state" ("id", "version") VALUES (1, 1) ON CONFLICT ("id") DO NOTHING;

-- The default topic list (staff can add more)
INSERT INTO "qa_topic" ("name", "position") VALUES
  ('生育', 1), ('上学', 2), ('就业', 3), ('创业', 4), ('养老', 5), ('医疗', 6), ('纳税', 7), ('住房', 8), ('社保', 9)
ON CONFLICT ("name") DO NOTHING;
