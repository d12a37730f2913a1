CREATE TABLE `list_columns` (
	`user_id` integer NOT NULL,
	`list` text NOT NULL,
	`columns` text NOT NULL,
	PRIMARY KEY(`user_id`, `list`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_board_changes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer NOT NULL,
	`kind` text NOT NULL,
	`before` text NOT NULL,
	`after` text NOT NULL,
	`state` text DEFAULT 'done' NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "board_changes_kind_check" CHECK("__new_board_changes"."kind" in ('assign','move','unassign','dispatch','plan')),
	CONSTRAINT "board_changes_state_check" CHECK("__new_board_changes"."state" in ('done','undone'))
);
--> statement-breakpoint
INSERT INTO `__new_board_changes`("id", "user_id", "kind", "before", "after", "state", "created_at") SELECT "id", "user_id", "kind", "before", "after", "state", "created_at" FROM `board_changes`;--> statement-breakpoint
DROP TABLE `board_changes`;--> statement-breakpoint
ALTER TABLE `__new_board_changes` RENAME TO `board_changes`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `board_changes_created_idx` ON `board_changes` (`created_at`);--> statement-breakpoint
ALTER TABLE `settings` ADD `travel_road_factor` real DEFAULT 1.3 NOT NULL;--> statement-breakpoint
ALTER TABLE `settings` ADD `travel_speed_kmh` integer DEFAULT 60 NOT NULL;--> statement-breakpoint
ALTER TABLE `settings` ADD `travel_overhead_minutes` integer DEFAULT 5 NOT NULL;--> statement-breakpoint
ALTER TABLE `settings` ADD `map_tile_url` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `settings` ADD `map_tile_attribution` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `settings` ADD `first_time_fix_days` integer DEFAULT 30 NOT NULL;--> statement-breakpoint
CREATE INDEX `service_orders_open_stage_idx` ON `service_orders` (`progress`,`is_template`,`stage_id`);--> statement-breakpoint
CREATE INDEX `service_orders_closed_idx` ON `service_orders` (`progress`,(case when "actual_end" is null then "planned_end" else "actual_end" end));