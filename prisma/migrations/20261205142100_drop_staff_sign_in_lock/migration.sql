-- Staff sign-in is throttled per username and address in the limiter store (no account lock any more),
-- so the lock time and the failed-attempt count of each staff row go.
ALTER TABLE "staff" DROP COLUMN "failed_logins",
DROP COLUMN "locked_until";
