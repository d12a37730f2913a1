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
CREATE TABLE `board_changes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer NOT NULL,
	`kind` text NOT NULL,
	`before` text NOT NULL,
	`after` text NOT NULL,
	`state` text DEFAULT 'done' NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "board_changes_kind_check" CHECK("board_changes"."kind" in ('assign','move','unassign','dispatch')),
	CONSTRAINT "board_changes_state_check" CHECK("board_changes"."state" in ('done','undone'))
);
--> statement-breakpoint
CREATE INDEX `board_changes_created_idx` ON `board_changes` (`created_at`);--> statement-breakpoint
DROP INDEX `service_orders_tray_idx`;--> statement-breakpoint
ALTER TABLE `service_orders` ADD `needs_visit` integer DEFAULT true NOT NULL;--> statement-breakpoint
CREATE INDEX `service_orders_tray_idx` ON `service_orders` (`progress`,`is_template`,`needs_visit`,`stage_id`,`responsible_worker_id`,`preferred_worker_id`,`priority`,`requested_start`);--> statement-breakpoint
ALTER TABLE `service_objects` ADD `warranty_start` text;--> statement-breakpoint
ALTER TABLE `settings` ADD `sla_on_generated_orders` integer DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE `service_stages` ADD `requires_plan` integer DEFAULT false NOT NULL;