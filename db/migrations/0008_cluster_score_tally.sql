ALTER TABLE `cluster_scores` ADD `tally` text;--> statement-breakpoint
ALTER TABLE `cluster_scores` ADD `revision` integer DEFAULT 0 NOT NULL;