ALTER TABLE `settings` ADD `map_tile_url` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `settings` ADD `map_tile_attribution` text DEFAULT '' NOT NULL;