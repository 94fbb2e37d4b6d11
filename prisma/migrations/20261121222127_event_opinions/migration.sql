-- CreateTable
CREATE TABLE "event_opinion" (
    "id" SERIAL NOT NULL,
    "event_id" INTEGER NOT NULL,
    "registration_id" INTEGER,
    "raw_text" TEXT NOT NULL,
    "published_text" TEXT NOT NULL,
    "adoption" "adoption",
    "reason" TEXT,
    "content" TEXT,
    "department_id" INTEGER,
    "replied_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "event_opinion_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "event_opinion_event_id_idx" ON "event_opinion"("event_id");

-- AddForeignKey
ALTER TABLE "event_opinion" ADD CONSTRAINT "event_opinion_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "event"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "event_opinion" ADD CONSTRAINT "event_opinion_registration_id_fkey" FOREIGN KEY ("registration_id") REFERENCES "registration"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "event_opinion" ADD CONSTRAINT "event_opinion_department_id_fkey" FOREIGN KEY ("department_id") REFERENCES "department"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- A reason is mandatory when an opinion is partly or not adopted, as for consultations.
ALTER TABLE "event_opinion" ADD CONSTRAINT "event_opinion_reason_required"
  CHECK ("adoption" IS NULL OR "adoption" NOT IN ('PARTIALLY_ADOPTED', 'NOT_ADOPTED') OR length(btrim(coalesce("reason", ''))) > 0);
