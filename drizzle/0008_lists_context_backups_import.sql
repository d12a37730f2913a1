CREATE TABLE `backup_runs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`at` integer NOT NULL,
	`file` text NOT NULL,
	`size` integer,
	`verified` integer NOT NULL,
	`problem` text DEFAULT '' NOT NULL,
	`problem_params` text DEFAULT '{}' NOT NULL
);
--> statement-breakpoint
CREATE TABLE `backup_settings` (
	`id` integer PRIMARY KEY NOT NULL,
	`enabled` integer NOT NULL,
	`folder` text NOT NULL,
	`daily_at` text NOT NULL,
	`keep_daily` integer NOT NULL,
	`keep_weekly` integer NOT NULL,
	`since` integer NOT NULL,
	`version` integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE `import_mappings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`source` text NOT NULL,
	`mapping` text NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `import_mappings_kind_source_idx` ON `import_mappings` (`kind`,`source`);--> statement-breakpoint
ALTER TABLE `service_stages` ADD `waits_for_parts` integer DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX `service_order_lines_object_idx` ON `service_order_lines` (`service_object_id`);--> statement-breakpoint
CREATE INDEX `service_orders_open_number_idx` ON `service_orders` (`progress`,`is_template`,`number`);