CREATE TABLE `cluster_plan_schemes` (
	`cluster_id` text NOT NULL,
	`scheme_id` text NOT NULL,
	`added_by` text NOT NULL,
	`added_at` text NOT NULL,
	PRIMARY KEY(`cluster_id`, `scheme_id`),
	FOREIGN KEY (`cluster_id`) REFERENCES `clusters`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`scheme_id`) REFERENCES `schemes`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `cluster_plan_schemes_scheme_idx` ON `cluster_plan_schemes` (`scheme_id`);--> statement-breakpoint
CREATE TABLE `slack_daily_threads` (
	`channel_id` text NOT NULL,
	`day` text NOT NULL,
	`thread_ts` text NOT NULL,
	`created_at` text NOT NULL,
	PRIMARY KEY(`channel_id`, `day`)
);
