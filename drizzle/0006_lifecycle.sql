CREATE TABLE `lifecycle_settings` (
	`id` integer PRIMARY KEY NOT NULL,
	`planned_stage_id` integer,
	`dispatched_stage_id` integer,
	`on_site_stage_id` integer,
	`done_stage_id` integer,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`planned_stage_id`) REFERENCES `service_stages`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`dispatched_stage_id`) REFERENCES `service_stages`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`on_site_stage_id`) REFERENCES `service_stages`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`done_stage_id`) REFERENCES `service_stages`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
ALTER TABLE `service_stages` ADD `requires_plan` integer DEFAULT false NOT NULL;