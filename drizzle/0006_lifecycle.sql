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
CREATE INDEX `service_orders_tray_idx` ON `service_orders` (`progress`,`is_template`,`needs_visit`,`stage_id`,`responsible_worker_id`,`preferred_worker_id`,`priority`,`requested_start`);