-- Searches without a good answer (群众想问但库里没有的), one row per wording, for staff to answer with a Q&A item.
-- CreateTable
CREATE TABLE "qa_unanswered" (
    "id" SERIAL NOT NULL,
    "text" VARCHAR(50) NOT NULL,
    "searches" INTEGER NOT NULL DEFAULT 1,
    "first_asked_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_asked_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "qa_unanswered_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "qa_unanswered_text_key" ON "qa_unanswered"("text");

-- CreateIndex
CREATE INDEX "qa_unanswered_searches_idx" ON "qa_unanswered"("searches");

