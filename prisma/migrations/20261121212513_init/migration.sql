-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "decision_stage_kind" AS ENUM ('DRAFT_PUBLISHED', 'CONSULTATION', 'HEARING', 'MEETING_REVIEW', 'DECISION_RESULT', 'POST_EVALUATION');

-- CreateEnum
CREATE TYPE "event_kind" AS ENUM ('OPEN_DAY', 'MEETING_ATTENDANCE', 'HEARING');

-- CreateEnum
CREATE TYPE "selection_mode" AS ENUM ('FIRST_COME', 'REVIEW', 'LOTTERY');

-- CreateEnum
CREATE TYPE "policy_validity" AS ENUM ('VALID', 'AMENDED', 'REPEALED', 'EXPIRED');

-- CreateTable
CREATE TABLE "department" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "department_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "decision" (
    "id" SERIAL NOT NULL,
    "year" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "department_id" INTEGER NOT NULL,
    "planned_decision_at" TEXT NOT NULL,
    "participation_methods" TEXT[],
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "decision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "decision_stage" (
    "id" SERIAL NOT NULL,
    "decision_id" INTEGER NOT NULL,
    "kind" "decision_stage_kind" NOT NULL,
    "starts_at" TIMESTAMPTZ(3),
    "ends_at" TIMESTAMPTZ(3),
    "summary" TEXT NOT NULL DEFAULT '',
    "link" TEXT,

    CONSTRAINT "decision_stage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "consultation" (
    "id" SERIAL NOT NULL,
    "decision_id" INTEGER,
    "department_id" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "explanation" TEXT NOT NULL DEFAULT '',
    "background" TEXT NOT NULL DEFAULT '',
    "is_major_decision" BOOLEAN NOT NULL DEFAULT true,
    "opens_at" TIMESTAMPTZ(3) NOT NULL,
    "closes_at" TIMESTAMPTZ(3) NOT NULL,
    "short_window_reason" TEXT,
    "draft_version" INTEGER NOT NULL DEFAULT 1,
    "feedback_published_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "consultation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "draft_section" (
    "id" SERIAL NOT NULL,
    "consultation_id" INTEGER NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "position" INTEGER NOT NULL,
    "heading" TEXT NOT NULL,
    "body" TEXT NOT NULL,

    CONSTRAINT "draft_section_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "opinion" (
    "id" SERIAL NOT NULL,
    "consultation_id" INTEGER NOT NULL,
    "section_id" INTEGER,
    "receipt_code" TEXT NOT NULL,
    "raw_text" TEXT NOT NULL,
    "published_text" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "opinion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "event" (
    "id" SERIAL NOT NULL,
    "kind" "event_kind" NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "place" TEXT NOT NULL,
    "department_id" INTEGER NOT NULL,
    "decision_id" INTEGER,
    "starts_at" TIMESTAMPTZ(3) NOT NULL,
    "ends_at" TIMESTAMPTZ(3) NOT NULL,
    "signup_opens_at" TIMESTAMPTZ(3) NOT NULL,
    "signup_closes_at" TIMESTAMPTZ(3) NOT NULL,
    "capacity" INTEGER NOT NULL,
    "reserved_seats" INTEGER NOT NULL DEFAULT 0,
    "confirmed_count" INTEGER NOT NULL DEFAULT 0,
    "selection_mode" "selection_mode" NOT NULL,
    "eligibility" TEXT NOT NULL DEFAULT '',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "policy_document" (
    "id" SERIAL NOT NULL,
    "title" TEXT NOT NULL,
    "issuer" TEXT NOT NULL,
    "doc_number" TEXT NOT NULL,
    "written_at" TIMESTAMPTZ(3) NOT NULL,
    "published_at" TIMESTAMPTZ(3) NOT NULL,
    "validity" "policy_validity" NOT NULL DEFAULT 'VALID',

    CONSTRAINT "policy_document_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "qa_item" (
    "id" SERIAL NOT NULL,
    "question" TEXT NOT NULL,
    "answer" TEXT NOT NULL,
    "topic" TEXT NOT NULL,
    "department_id" INTEGER,
    "policy_document_id" INTEGER,
    "reviewed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "helpful_count" INTEGER NOT NULL DEFAULT 0,
    "unhelpful_count" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "qa_item_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "department_name_key" ON "department"("name");

-- CreateIndex
CREATE INDEX "decision_year_idx" ON "decision"("year");

-- CreateIndex
CREATE UNIQUE INDEX "decision_stage_decision_id_kind_key" ON "decision_stage"("decision_id", "kind");

-- CreateIndex
CREATE INDEX "consultation_opens_at_closes_at_idx" ON "consultation"("opens_at", "closes_at");

-- CreateIndex
CREATE UNIQUE INDEX "draft_section_consultation_id_version_position_key" ON "draft_section"("consultation_id", "version", "position");

-- CreateIndex
CREATE UNIQUE INDEX "opinion_receipt_code_key" ON "opinion"("receipt_code");

-- CreateIndex
CREATE INDEX "opinion_consultation_id_idx" ON "opinion"("consultation_id");

-- CreateIndex
CREATE INDEX "event_starts_at_idx" ON "event"("starts_at");

-- CreateIndex
CREATE INDEX "qa_item_topic_idx" ON "qa_item"("topic");

-- AddForeignKey
ALTER TABLE "decision" ADD CONSTRAINT "decision_department_id_fkey" FOREIGN KEY ("department_id") REFERENCES "department"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "decision_stage" ADD CONSTRAINT "decision_stage_decision_id_fkey" FOREIGN KEY ("decision_id") REFERENCES "decision"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "consultation" ADD CONSTRAINT "consultation_decision_id_fkey" FOREIGN KEY ("decision_id") REFERENCES "decision"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "consultation" ADD CONSTRAINT "consultation_department_id_fkey" FOREIGN KEY ("department_id") REFERENCES "department"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "draft_section" ADD CONSTRAINT "draft_section_consultation_id_fkey" FOREIGN KEY ("consultation_id") REFERENCES "consultation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "opinion" ADD CONSTRAINT "opinion_consultation_id_fkey" FOREIGN KEY ("consultation_id") REFERENCES "consultation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "opinion" ADD CONSTRAINT "opinion_section_id_fkey" FOREIGN KEY ("section_id") REFERENCES "draft_section"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "event" ADD CONSTRAINT "event_department_id_fkey" FOREIGN KEY ("department_id") REFERENCES "department"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "event" ADD CONSTRAINT "event_decision_id_fkey" FOREIGN KEY ("decision_id") REFERENCES "decision"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "qa_item" ADD CONSTRAINT "qa_item_department_id_fkey" FOREIGN KEY ("department_id") REFERENCES "department"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "qa_item" ADD CONSTRAINT "qa_item_policy_document_id_fkey" FOREIGN KEY ("policy_document_id") REFERENCES "policy_document"("id") ON DELETE SET NULL ON UPDATE CASCADE;

