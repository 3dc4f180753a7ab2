DROP INDEX `processed_updates_at_idx`;--> statement-breakpoint
DROP INDEX `sessions_respondent_status_idx`;--> statement-breakpoint
CREATE INDEX `sessions_respondent_status_idx` ON `sessions` (`respondent_id`,`status`);