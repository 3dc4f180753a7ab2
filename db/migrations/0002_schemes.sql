CREATE TABLE `br_activities` (
	`id` text PRIMARY KEY NOT NULL,
	`position` integer NOT NULL,
	`area` text NOT NULL,
	`description` text NOT NULL,
	`issues` text DEFAULT '[]' NOT NULL,
	`groups` text DEFAULT '[]' NOT NULL
);
--> statement-breakpoint
CREATE TABLE `schemes` (
	`seq` integer PRIMARY KEY NOT NULL,
	`id` text NOT NULL,
	`name` text NOT NULL,
	`ministry` text NOT NULL,
	`objective` text NOT NULL,
	`links` text DEFAULT '[]' NOT NULL,
	`categories` text DEFAULT '[]' NOT NULL,
	`issues` text DEFAULT '[]' NOT NULL,
	`topics` text DEFAULT '[]' NOT NULL,
	`groups` text DEFAULT '[]' NOT NULL,
	`areas` text DEFAULT '[]' NOT NULL,
	`tag_keys` text NOT NULL,
	`search_tags` text NOT NULL,
	`status` text NOT NULL,
	`successor_id` text,
	`status_note` text,
	`source` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`retired_at` text,
	FOREIGN KEY (`successor_id`) REFERENCES `schemes`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `schemes_id_unique` ON `schemes` (`id`);--> statement-breakpoint
CREATE INDEX `schemes_ministry_idx` ON `schemes` (`ministry`);--> statement-breakpoint
CREATE INDEX `schemes_successor_idx` ON `schemes` (`successor_id`);