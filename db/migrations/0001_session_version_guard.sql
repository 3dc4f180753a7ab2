-- A session row changes only by moving its version forward by exactly one. A writer that read an
-- older version sets the same number as the row already has, and this aborts its whole statement
-- batch: D1 has no interactive transactions, so the check has to live in the database.
CREATE TRIGGER `sessions_version_guard`
BEFORE UPDATE ON `sessions`
FOR EACH ROW
WHEN NEW.`version` <> OLD.`version` + 1
BEGIN
	SELECT RAISE(ABORT, 'stale_session_version');
END;
