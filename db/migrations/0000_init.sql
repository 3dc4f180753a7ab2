CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` text NOT NULL,
	`actor` text NOT NULL,
	`action` text NOT NULL,
	`entity` text NOT NULL,
	`entity_id` text,
	`before` text,
	`after` text
);
--> statement-breakpoint
CREATE INDEX `audit_log_entity_idx` ON `audit_log` (`entity`,`entity_id`);--> statement-breakpoint
CREATE INDEX `audit_log_at_idx` ON `audit_log` (`at`);--> statement-breakpoint
CREATE TABLE `clusters` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`sector` text,
	`state` text,
	`district` text,
	`latitude` real,
	`longitude` real,
	`principal_products` text,
	`invite_code` text NOT NULL,
	`default_locale` text DEFAULT 'en' NOT NULL,
	`timezone` text DEFAULT 'Asia/Kolkata' NOT NULL,
	`profile` text DEFAULT '{}' NOT NULL,
	`slack_channel_id` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`archived_at` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `clusters_invite_code_unique` ON `clusters` (`invite_code`);--> statement-breakpoint
CREATE UNIQUE INDEX `clusters_slack_channel_id_unique` ON `clusters` (`slack_channel_id`);--> statement-breakpoint
CREATE TABLE `enterprises` (
	`id` text PRIMARY KEY NOT NULL,
	`cluster_id` text NOT NULL,
	`name` text,
	`size_class` text,
	`workforce_total` integer,
	`workforce_women` integer,
	`created_at` text NOT NULL,
	FOREIGN KEY (`cluster_id`) REFERENCES `clusters`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `enterprises_cluster_idx` ON `enterprises` (`cluster_id`);--> statement-breakpoint
CREATE TABLE `console_sessions` (
	`token_hash` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`created_at` text NOT NULL,
	`expires_at` text NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `console_users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `console_sessions_user_idx` ON `console_sessions` (`user_id`);--> statement-breakpoint
CREATE INDEX `console_sessions_expires_idx` ON `console_sessions` (`expires_at`);--> statement-breakpoint
CREATE TABLE `console_users` (
	`id` text PRIMARY KEY NOT NULL,
	`email` text NOT NULL,
	`name` text NOT NULL,
	`role` text NOT NULL,
	`password_hash` text NOT NULL,
	`created_at` text NOT NULL,
	`disabled_at` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `console_users_email_unique` ON `console_users` (`email`);--> statement-breakpoint
CREATE TABLE `login_attempts` (
	`key` text PRIMARY KEY NOT NULL,
	`failures` integer NOT NULL,
	`last_failure_at` text NOT NULL,
	`locked_until` text
);
--> statement-breakpoint
CREATE TABLE `declarations` (
	`id` text PRIMARY KEY NOT NULL,
	`short_code` text NOT NULL,
	`enterprise_id` text,
	`respondent_id` text NOT NULL,
	`cluster_id` text,
	`principle_set_id` text NOT NULL,
	`principle_set_version` integer NOT NULL,
	`answers` text NOT NULL,
	`declarant_name` text NOT NULL,
	`declarant_role` text NOT NULL,
	`content_hash` text NOT NULL,
	`status` text NOT NULL,
	`review_reason` text,
	`reviewed_by` text,
	`reviewed_at` text,
	`previous_id` text,
	`version` integer NOT NULL,
	`declared_at` text NOT NULL,
	FOREIGN KEY (`enterprise_id`) REFERENCES `enterprises`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`respondent_id`) REFERENCES `respondents`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`cluster_id`) REFERENCES `clusters`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`previous_id`) REFERENCES `declarations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `declarations_short_code_unique` ON `declarations` (`short_code`);--> statement-breakpoint
CREATE INDEX `declarations_enterprise_idx` ON `declarations` (`enterprise_id`);--> statement-breakpoint
CREATE INDEX `declarations_cluster_status_idx` ON `declarations` (`cluster_id`,`status`);--> statement-breakpoint
CREATE INDEX `declarations_respondent_idx` ON `declarations` (`respondent_id`);--> statement-breakpoint
CREATE TABLE `channel_identities` (
	`channel` text NOT NULL,
	`external_id` text NOT NULL,
	`respondent_id` text NOT NULL,
	`chat_id` text,
	`username` text,
	`created_at` text NOT NULL,
	PRIMARY KEY(`channel`, `external_id`),
	FOREIGN KEY (`respondent_id`) REFERENCES `respondents`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `channel_identities_respondent_idx` ON `channel_identities` (`respondent_id`);--> statement-breakpoint
CREATE TABLE `respondents` (
	`id` text PRIMARY KEY NOT NULL,
	`cluster_id` text,
	`enterprise_id` text,
	`stakeholder_type` text,
	`display_name` text,
	`locale` text,
	`consent_at` text,
	`opted_out_at` text,
	`forgotten_at` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`cluster_id`) REFERENCES `clusters`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`enterprise_id`) REFERENCES `enterprises`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `respondents_cluster_idx` ON `respondents` (`cluster_id`);--> statement-breakpoint
CREATE INDEX `respondents_enterprise_idx` ON `respondents` (`enterprise_id`);--> statement-breakpoint
CREATE TABLE `sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`respondent_id` text NOT NULL,
	`questionnaire_id` text NOT NULL,
	`questionnaire_version` integer NOT NULL,
	`state` text NOT NULL,
	`status` text NOT NULL,
	`version` integer NOT NULL,
	`channel` text NOT NULL,
	`collected_by` text,
	`started_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`completed_at` text,
	FOREIGN KEY (`respondent_id`) REFERENCES `respondents`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `sessions_respondent_status_idx` ON `sessions` (`respondent_id`,`status`,`updated_at`);--> statement-breakpoint
CREATE INDEX `sessions_respondent_questionnaire_idx` ON `sessions` (`respondent_id`,`questionnaire_id`,`started_at`);--> statement-breakpoint
CREATE TABLE `answer_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`response_set_id` text NOT NULL,
	`item_id` text,
	`type` text NOT NULL,
	`value` text,
	`previous` text,
	`note` text,
	`at` text NOT NULL,
	FOREIGN KEY (`response_set_id`) REFERENCES `response_sets`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `answer_events_response_set_idx` ON `answer_events` (`response_set_id`,`id`);--> statement-breakpoint
CREATE TABLE `answers` (
	`response_set_id` text NOT NULL,
	`item_id` text NOT NULL,
	`value` text,
	`note` text,
	`answered_at` text NOT NULL,
	PRIMARY KEY(`response_set_id`, `item_id`),
	FOREIGN KEY (`response_set_id`) REFERENCES `response_sets`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `response_sets` (
	`id` text PRIMARY KEY NOT NULL,
	`respondent_id` text NOT NULL,
	`cluster_id` text,
	`questionnaire_id` text NOT NULL,
	`questionnaire_version` integer NOT NULL,
	`status` text NOT NULL,
	`excluded_at` text,
	`exclusion_reason` text,
	`excluded_by` text,
	`started_at` text NOT NULL,
	`completed_at` text,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`id`) REFERENCES `sessions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`respondent_id`) REFERENCES `respondents`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`cluster_id`) REFERENCES `clusters`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `response_sets_cluster_status_idx` ON `response_sets` (`cluster_id`,`status`);--> statement-breakpoint
CREATE INDEX `response_sets_respondent_idx` ON `response_sets` (`respondent_id`);--> statement-breakpoint
CREATE TABLE `cluster_scores` (
	`cluster_id` text PRIMARY KEY NOT NULL,
	`scheme_name` text NOT NULL,
	`scheme_version` integer NOT NULL,
	`computed_at` text NOT NULL,
	`counted_respondents` integer NOT NULL,
	`consolidated` real,
	`awareness` real,
	`intensity` real,
	`engagement` real,
	`economic` real,
	`br_significance` real,
	`map_cell` integer,
	`provisional` integer NOT NULL,
	`breakdown` text NOT NULL,
	FOREIGN KEY (`cluster_id`) REFERENCES `clusters`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `scoring_schemes` (
	`name` text NOT NULL,
	`version` integer NOT NULL,
	`definition` text NOT NULL,
	`active` integer DEFAULT false NOT NULL,
	`created_at` text NOT NULL,
	PRIMARY KEY(`name`, `version`)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `scoring_schemes_one_active_idx` ON `scoring_schemes` (`active`) WHERE "scoring_schemes"."active" = 1;--> statement-breakpoint
CREATE TABLE `processed_updates` (
	`source` text NOT NULL,
	`update_key` text NOT NULL,
	`processed_at` text NOT NULL,
	PRIMARY KEY(`source`, `update_key`)
);
--> statement-breakpoint
CREATE INDEX `processed_updates_at_idx` ON `processed_updates` (`processed_at`);