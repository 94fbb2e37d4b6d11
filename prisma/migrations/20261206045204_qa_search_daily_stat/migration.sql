-- CreateTable
CREATE TABLE "qa_search_daily_stat" (
    "day" DATE NOT NULL,
    "searches" INTEGER NOT NULL DEFAULT 0,
    "unanswered" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "qa_search_daily_stat_pkey" PRIMARY KEY ("day")
);

