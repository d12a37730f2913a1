ALTER TABLE `settings` ADD `travel_road_factor` real DEFAULT 1.3 NOT NULL;--> statement-breakpoint
ALTER TABLE `settings` ADD `travel_speed_kmh` integer DEFAULT 60 NOT NULL;--> statement-breakpoint
ALTER TABLE `settings` ADD `travel_overhead_minutes` integer DEFAULT 5 NOT NULL;