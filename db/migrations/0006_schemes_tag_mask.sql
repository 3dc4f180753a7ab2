ALTER TABLE `schemes` ADD `tag_mask` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX `schemes_rank_idx` ON `schemes` (`seq`,`tag_mask`,`status`,`retired_at`);--> statement-breakpoint
-- Tags move from a space-delimited string to bits (positions: TAG_BITS in core/schemes/tags.ts),
-- because ranking tests them for every full-text match. Existing rows are converted before the
-- string column goes.
UPDATE `schemes` SET `tag_mask` =
	(CASE WHEN instr(`tag_keys`, ' category:labour ') > 0 THEN 1 ELSE 0 END) +
	(CASE WHEN instr(`tag_keys`, ' category:environment_energy ') > 0 THEN 2 ELSE 0 END) +
	(CASE WHEN instr(`tag_keys`, ' category:community_health ') > 0 THEN 4 ELSE 0 END) +
	(CASE WHEN instr(`tag_keys`, ' category:social ') > 0 THEN 8 ELSE 0 END) +
	(CASE WHEN instr(`tag_keys`, ' issue:wages_benefits ') > 0 THEN 16 ELSE 0 END) +
	(CASE WHEN instr(`tag_keys`, ' issue:collective_bargaining ') > 0 THEN 32 ELSE 0 END) +
	(CASE WHEN instr(`tag_keys`, ' issue:hours_of_work ') > 0 THEN 64 ELSE 0 END) +
	(CASE WHEN instr(`tag_keys`, ' issue:working_conditions_child_labour ') > 0 THEN 128 ELSE 0 END) +
	(CASE WHEN instr(`tag_keys`, ' issue:air_pollution ') > 0 THEN 256 ELSE 0 END) +
	(CASE WHEN instr(`tag_keys`, ' issue:water_pollution ') > 0 THEN 512 ELSE 0 END) +
	(CASE WHEN instr(`tag_keys`, ' issue:noise_pollution ') > 0 THEN 1024 ELSE 0 END) +
	(CASE WHEN instr(`tag_keys`, ' issue:community_health ') > 0 THEN 2048 ELSE 0 END) +
	(CASE WHEN instr(`tag_keys`, ' issue:generic_social_issues ') > 0 THEN 4096 ELSE 0 END) +
	(CASE WHEN instr(`tag_keys`, ' topic:credit ') > 0 THEN 8192 ELSE 0 END) +
	(CASE WHEN instr(`tag_keys`, ' topic:insurance ') > 0 THEN 16384 ELSE 0 END) +
	(CASE WHEN instr(`tag_keys`, ' topic:pension ') > 0 THEN 32768 ELSE 0 END) +
	(CASE WHEN instr(`tag_keys`, ' topic:housing ') > 0 THEN 65536 ELSE 0 END) +
	(CASE WHEN instr(`tag_keys`, ' topic:skills ') > 0 THEN 131072 ELSE 0 END) +
	(CASE WHEN instr(`tag_keys`, ' topic:education ') > 0 THEN 262144 ELSE 0 END) +
	(CASE WHEN instr(`tag_keys`, ' topic:childcare ') > 0 THEN 524288 ELSE 0 END) +
	(CASE WHEN instr(`tag_keys`, ' topic:waste ') > 0 THEN 1048576 ELSE 0 END) +
	(CASE WHEN instr(`tag_keys`, ' group:women ') > 0 THEN 2097152 ELSE 0 END) +
	(CASE WHEN instr(`tag_keys`, ' group:children ') > 0 THEN 4194304 ELSE 0 END) +
	(CASE WHEN instr(`tag_keys`, ' group:sc_st_obc ') > 0 THEN 8388608 ELSE 0 END) +
	(CASE WHEN instr(`tag_keys`, ' group:disabled ') > 0 THEN 16777216 ELSE 0 END) +
	(CASE WHEN instr(`tag_keys`, ' group:elderly ') > 0 THEN 33554432 ELSE 0 END) +
	(CASE WHEN instr(`tag_keys`, ' group:youth ') > 0 THEN 67108864 ELSE 0 END) +
	(CASE WHEN instr(`tag_keys`, ' group:minorities ') > 0 THEN 134217728 ELSE 0 END) +
	(CASE WHEN instr(`tag_keys`, ' group:north_east ') > 0 THEN 268435456 ELSE 0 END) +
	(CASE WHEN instr(`tag_keys`, ' group:artisans ') > 0 THEN 536870912 ELSE 0 END) +
	(CASE WHEN instr(`tag_keys`, ' group:msmes ') > 0 THEN 1073741824 ELSE 0 END) +
	(CASE WHEN instr(`tag_keys`, ' group:workers ') > 0 THEN 2147483648 ELSE 0 END) +
	(CASE WHEN instr(`tag_keys`, ' area:socio_economic ') > 0 THEN 4294967296 ELSE 0 END) +
	(CASE WHEN instr(`tag_keys`, ' area:labour_welfare ') > 0 THEN 8589934592 ELSE 0 END) +
	(CASE WHEN instr(`tag_keys`, ' area:health_care ') > 0 THEN 17179869184 ELSE 0 END) +
	(CASE WHEN instr(`tag_keys`, ' area:education ') > 0 THEN 34359738368 ELSE 0 END) +
	(CASE WHEN instr(`tag_keys`, ' area:women_children ') > 0 THEN 68719476736 ELSE 0 END) +
	(CASE WHEN instr(`tag_keys`, ' area:environment ') > 0 THEN 137438953472 ELSE 0 END) +
	(CASE WHEN instr(`tag_keys`, ' area:energy ') > 0 THEN 274877906944 ELSE 0 END) +
	(CASE WHEN instr(`tag_keys`, ' area:generic_social ') > 0 THEN 549755813888 ELSE 0 END) +
	(CASE WHEN instr(`tag_keys`, ' area:weaker_sections ') > 0 THEN 1099511627776 ELSE 0 END);
--> statement-breakpoint
ALTER TABLE `schemes` DROP COLUMN `tag_keys`;