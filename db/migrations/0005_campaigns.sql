CREATE TABLE `campaign_messages` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`campaign_id` text NOT NULL,
	`respondent_id` text NOT NULL,
	`kind` text NOT NULL,
	`sequence` integer NOT NULL,
	`due_at` text NOT NULL,
	`status` text NOT NULL,
	`skip_reason` text,
	`claimed_by` text,
	`claimed_at` text,
	`sent_at` text,
	`external_message_id` text,
	`error` text,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`respondent_id`) REFERENCES `respondents`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `campaign_messages_unique_idx` ON `campaign_messages` (`campaign_id`,`respondent_id`,`sequence`);--> statement-breakpoint
CREATE INDEX `campaign_messages_status_idx` ON `campaign_messages` (`status`,`claimed_by`);--> statement-breakpoint
CREATE INDEX `campaign_messages_campaign_status_idx` ON `campaign_messages` (`campaign_id`,`status`,`due_at`);--> statement-breakpoint
CREATE INDEX `campaign_messages_respondent_idx` ON `campaign_messages` (`respondent_id`);--> statement-breakpoint
CREATE TABLE `campaigns` (
	`id` text PRIMARY KEY NOT NULL,
	`cluster_id` text NOT NULL,
	`purpose` text NOT NULL,
	`status` text NOT NULL,
	`quiet_from` text NOT NULL,
	`quiet_until` text NOT NULL,
	`remind_after_days` integer NOT NULL,
	`max_reminders` integer NOT NULL,
	`starts_at` text NOT NULL,
	`created_by` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`cluster_id`) REFERENCES `clusters`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `campaigns_cluster_idx` ON `campaigns` (`cluster_id`);--> statement-breakpoint
CREATE INDEX `campaigns_status_idx` ON `campaigns` (`status`);