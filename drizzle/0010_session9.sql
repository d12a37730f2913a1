CREATE TABLE `list_columns` (
	`user_id` integer NOT NULL,
	`list` text NOT NULL,
	`columns` text NOT NULL,
	PRIMARY KEY(`user_id`, `list`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
ALTER TABLE `settings` ADD `travel_road_factor` real DEFAULT 1.3 NOT NULL;--> statement-breakpoint
ALTER TABLE `settings` ADD `travel_speed_kmh` integer DEFAULT 60 NOT NULL;--> statement-breakpoint
ALTER TABLE `settings` ADD `travel_overhead_minutes` integer DEFAULT 5 NOT NULL;--> statement-breakpoint
ALTER TABLE `settings` ADD `map_tile_url` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `settings` ADD `map_tile_attribution` text DEFAULT '' NOT NULL;