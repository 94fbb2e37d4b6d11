-- Tells every BFF instance that published content may have changed, so each empties its cache of public
-- reads (bff/src/http/publicReadCache.ts, listener bff/src/db/changeFeed.ts). Statement-level triggers on
-- every table a public read shows: one NOTIFY per statement (PostgreSQL folds equal notices of one
-- transaction into one and sends them at commit, never for a rollback), whoever writes - any instance,
-- the lottery, background jobs, imports or SQL typed by hand. The payload is the table name.
-- Tables no public read shows are left out (sessions, audit log, notifications, idempotency keys, per-voter
-- Q&A votes and views, import staging, invites, citizens): their list is NOT_PUBLIC_TABLES in
-- bff/src/db/changeFeed.ts, and test/bff/publicReadCache.test.ts fails for a table in neither list.
-- The migration runner splits scripts at every semicolon, so the function body writes it as \073.
CREATE FUNCTION "notify_public_changed"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  PERFORM pg_notify(''gm_public_changed'', TG_TABLE_NAME)\073
  RETURN NULL\073
END
';

CREATE TRIGGER "department_public_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "department"
  FOR EACH STATEMENT EXECUTE FUNCTION "notify_public_changed"();

CREATE TRIGGER "decision_public_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "decision"
  FOR EACH STATEMENT EXECUTE FUNCTION "notify_public_changed"();

CREATE TRIGGER "decision_stage_public_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "decision_stage"
  FOR EACH STATEMENT EXECUTE FUNCTION "notify_public_changed"();

CREATE TRIGGER "consultation_public_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "consultation"
  FOR EACH STATEMENT EXECUTE FUNCTION "notify_public_changed"();

CREATE TRIGGER "consultation_tally_public_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "consultation_tally"
  FOR EACH STATEMENT EXECUTE FUNCTION "notify_public_changed"();

CREATE TRIGGER "draft_section_public_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "draft_section"
  FOR EACH STATEMENT EXECUTE FUNCTION "notify_public_changed"();

CREATE TRIGGER "draft_version_public_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "draft_version"
  FOR EACH STATEMENT EXECUTE FUNCTION "notify_public_changed"();

CREATE TRIGGER "window_change_public_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "window_change"
  FOR EACH STATEMENT EXECUTE FUNCTION "notify_public_changed"();

CREATE TRIGGER "opinion_public_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "opinion"
  FOR EACH STATEMENT EXECUTE FUNCTION "notify_public_changed"();

CREATE TRIGGER "opinion_answer_public_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "opinion_answer"
  FOR EACH STATEMENT EXECUTE FUNCTION "notify_public_changed"();

CREATE TRIGGER "opinion_answer_revision_public_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "opinion_answer_revision"
  FOR EACH STATEMENT EXECUTE FUNCTION "notify_public_changed"();

CREATE TRIGGER "opinion_group_public_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "opinion_group"
  FOR EACH STATEMENT EXECUTE FUNCTION "notify_public_changed"();

CREATE TRIGGER "event_public_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "event"
  FOR EACH STATEMENT EXECUTE FUNCTION "notify_public_changed"();

CREATE TRIGGER "event_draw_public_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "event_draw"
  FOR EACH STATEMENT EXECUTE FUNCTION "notify_public_changed"();

CREATE TRIGGER "policy_document_public_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "policy_document"
  FOR EACH STATEMENT EXECUTE FUNCTION "notify_public_changed"();

CREATE TRIGGER "policy_section_public_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "policy_section"
  FOR EACH STATEMENT EXECUTE FUNCTION "notify_public_changed"();

CREATE TRIGGER "policy_attachment_public_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "policy_attachment"
  FOR EACH STATEMENT EXECUTE FUNCTION "notify_public_changed"();

CREATE TRIGGER "policy_interpretation_public_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "policy_interpretation"
  FOR EACH STATEMENT EXECUTE FUNCTION "notify_public_changed"();

CREATE TRIGGER "qa_item_public_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "qa_item"
  FOR EACH STATEMENT EXECUTE FUNCTION "notify_public_changed"();

CREATE TRIGGER "qa_topic_public_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "qa_topic"
  FOR EACH STATEMENT EXECUTE FUNCTION "notify_public_changed"();

CREATE TRIGGER "qa_synonym_public_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "qa_synonym"
  FOR EACH STATEMENT EXECUTE FUNCTION "notify_public_changed"();

CREATE TRIGGER "qa_library_state_public_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "qa_library_state"
  FOR EACH STATEMENT EXECUTE FUNCTION "notify_public_changed"();

CREATE TRIGGER "qa_item_daily_stat_public_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "qa_item_daily_stat"
  FOR EACH STATEMENT EXECUTE FUNCTION "notify_public_changed"();

CREATE TRIGGER "policy_question_public_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "policy_question"
  FOR EACH STATEMENT EXECUTE FUNCTION "notify_public_changed"();

CREATE TRIGGER "staff_public_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "staff"
  FOR EACH STATEMENT EXECUTE FUNCTION "notify_public_changed"();

CREATE TRIGGER "staff_department_public_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "staff_department"
  FOR EACH STATEMENT EXECUTE FUNCTION "notify_public_changed"();

CREATE TRIGGER "registration_public_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "registration"
  FOR EACH STATEMENT EXECUTE FUNCTION "notify_public_changed"();

CREATE TRIGGER "event_opinion_public_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "event_opinion"
  FOR EACH STATEMENT EXECUTE FUNCTION "notify_public_changed"();

CREATE TRIGGER "holiday_calendar_public_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "holiday_calendar"
  FOR EACH STATEMENT EXECUTE FUNCTION "notify_public_changed"();
