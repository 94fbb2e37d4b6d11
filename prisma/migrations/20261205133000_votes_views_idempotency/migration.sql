-- Votes and views count once per voter and item, and keyed citizen writes replay their first result.

-- CreateTable
CREATE TABLE "qa_vote" (
    "item_id" INTEGER NOT NULL,
    "voter" TEXT NOT NULL,
    "helpful" BOOLEAN NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "qa_vote_pkey" PRIMARY KEY ("item_id","voter")
);

-- CreateTable
CREATE TABLE "qa_view" (
    "item_id" INTEGER NOT NULL,
    "voter" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "qa_view_pkey" PRIMARY KEY ("item_id","voter")
);

-- CreateTable
CREATE TABLE "idempotent_request" (
    "citizen_id" INTEGER NOT NULL,
    "key" TEXT NOT NULL,
    "operation" TEXT NOT NULL,
    "request_hash" TEXT NOT NULL,
    "response" JSONB,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "idempotent_request_pkey" PRIMARY KEY ("citizen_id","key")
);

-- CreateIndex
CREATE INDEX "idempotent_request_created_at_idx" ON "idempotent_request"("created_at");

-- AddForeignKey
ALTER TABLE "qa_vote" ADD CONSTRAINT "qa_vote_item_id_fkey" FOREIGN KEY ("item_id") REFERENCES "qa_item"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "qa_view" ADD CONSTRAINT "qa_view_item_id_fkey" FOREIGN KEY ("item_id") REFERENCES "qa_item"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "idempotent_request" ADD CONSTRAINT "idempotent_request_citizen_id_fkey" FOREIGN KEY ("citizen_id") REFERENCES "citizen"("id") ON DELETE CASCADE ON UPDATE CASCADE;
