-- 网络直播: an event may carry the https address of its live stream.
-- AlterTable
ALTER TABLE "event" ADD COLUMN     "live_stream_url" TEXT;


-- Only an https address (the public page opens it, no other scheme).
ALTER TABLE "event" ADD CONSTRAINT "event_live_stream_url_https" CHECK ("live_stream_url" IS NULL OR "live_stream_url" ~ '^https://[^[:space:]]+$');
