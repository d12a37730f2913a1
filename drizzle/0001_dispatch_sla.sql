CREATE TABLE `order_assignments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`order_id` integer NOT NULL,
	`worker_id` integer NOT NULL,
	`start` integer NOT NULL,
	`end` integer NOT NULL,
	`status` text DEFAULT 'planned' NOT NULL,
	`dispatched_at` integer,
	`dispatched_by` integer,
	`actual_start` integer,
	`actual_end` integer,
	`note` text DEFAULT '' NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`order_id`) REFERENCES `service_orders`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`worker_id`) REFERENCES `workers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`dispatched_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "order_assignments_span_check" CHECK("order_assignments"."end" > "order_assignments"."start"),
	CONSTRAINT "order_assignments_status_check" CHECK("order_assignments"."status" in ('planned','dispatched','travelling','onSite','done'))
);
--> statement-breakpoint
CREATE INDEX `order_assignments_worker_idx` ON `order_assignments` (`worker_id`,`start`,`end`);--> statement-breakpoint
CREATE INDEX `order_assignments_start_idx` ON `order_assignments` (`start`,`end`);--> statement-breakpoint
CREATE INDEX `order_assignments_order_idx` ON `order_assignments` (`order_id`);--> statement-breakpoint
CREATE TABLE `order_sla_targets` (
	`order_id` integer NOT NULL,
	`target` text NOT NULL,
	`minutes` integer NOT NULL,
	`deadline` integer,
	`met_at` integer,
	`breached_at` integer,
	`consumed_minutes` integer,
	`reason_id` integer,
	`reason_note` text DEFAULT '' NOT NULL,
	PRIMARY KEY(`order_id`, `target`),
	FOREIGN KEY (`order_id`) REFERENCES `order_slas`(`order_id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`reason_id`) REFERENCES `sla_reasons`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "order_sla_targets_target_check" CHECK("order_sla_targets"."target" in ('response','arrival','resolution'))
);
--> statement-breakpoint
CREATE TABLE `order_slas` (
	`order_id` integer PRIMARY KEY NOT NULL,
	`sla_id` integer NOT NULL,
	`source` text NOT NULL,
	`started_at` integer NOT NULL,
	`state` text DEFAULT 'running' NOT NULL,
	`paused_since` integer,
	`cancelled_at` integer,
	`cancel_reason_id` integer,
	`next_deadline` integer,
	`next_target` text,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`order_id`) REFERENCES `service_orders`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`sla_id`) REFERENCES `sla_definitions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`cancel_reason_id`) REFERENCES `sla_reasons`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "order_slas_state_check" CHECK("order_slas"."state" in ('running','paused','met','breached','cancelled')),
	CONSTRAINT "order_slas_source_check" CHECK("order_slas"."source" in ('order','agreement','agreementGroup','customerGroup'))
);
--> statement-breakpoint
CREATE INDEX `order_slas_next_deadline_idx` ON `order_slas` (`next_deadline`);--> statement-breakpoint
CREATE INDEX `order_slas_sla_idx` ON `order_slas` (`sla_id`);--> statement-breakpoint
CREATE TABLE `sla_definitions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`working_hours` text,
	`holidays` text,
	`suspended` integer DEFAULT false NOT NULL,
	`version` integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sla_definitions_code_unique` ON `sla_definitions` (`code`);--> statement-breakpoint
CREATE TABLE `sla_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`order_id` integer NOT NULL,
	`at` integer NOT NULL,
	`user_id` integer,
	`kind` text NOT NULL,
	`target` text,
	`reason_id` integer,
	`note` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`order_id`) REFERENCES `service_orders`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reason_id`) REFERENCES `sla_reasons`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "sla_events_kind_check" CHECK("sla_events"."kind" in ('start','pause','resume','met','breached','reset','cancel','priority','assign','reason'))
);
--> statement-breakpoint
CREATE INDEX `sla_events_order_idx` ON `sla_events` (`order_id`,`at`);--> statement-breakpoint
CREATE TABLE `sla_reasons` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sla_reasons_code_unique` ON `sla_reasons` (`code`);--> statement-breakpoint
CREATE TABLE `sla_stages` (
	`sla_id` integer NOT NULL,
	`stage_id` integer NOT NULL,
	`role` text NOT NULL,
	PRIMARY KEY(`sla_id`, `stage_id`, `role`),
	FOREIGN KEY (`sla_id`) REFERENCES `sla_definitions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`stage_id`) REFERENCES `service_stages`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "sla_stages_role_check" CHECK("sla_stages"."role" in ('pause','respond','resolve'))
);
--> statement-breakpoint
CREATE INDEX `sla_stages_stage_idx` ON `sla_stages` (`stage_id`);--> statement-breakpoint
CREATE TABLE `sla_targets` (
	`sla_id` integer NOT NULL,
	`priority` text NOT NULL,
	`response_minutes` integer NOT NULL,
	`arrival_minutes` integer,
	`resolution_minutes` integer NOT NULL,
	PRIMARY KEY(`sla_id`, `priority`),
	FOREIGN KEY (`sla_id`) REFERENCES `sla_definitions`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "sla_targets_priority_check" CHECK("sla_targets"."priority" in ('high','normal','low')),
	CONSTRAINT "sla_targets_positive_check" CHECK("sla_targets"."response_minutes" > 0 and "sla_targets"."resolution_minutes" > 0 and coalesce("sla_targets"."arrival_minutes", 1) > 0)
);
--> statement-breakpoint
ALTER TABLE `customer_groups` ADD `sla_id` integer REFERENCES sla_definitions(id);--> statement-breakpoint
ALTER TABLE `settings` ADD `sla_at_risk_minutes` integer DEFAULT 120 NOT NULL;--> statement-breakpoint
ALTER TABLE `settings` ADD `sla_reason_required` integer DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE `settings` ADD `dispatch_past_limit_hours` integer DEFAULT 24 NOT NULL;--> statement-breakpoint
ALTER TABLE `service_orders` ADD `sla_id` integer REFERENCES sla_definitions(id);--> statement-breakpoint
CREATE INDEX `service_orders_tray_idx` ON `service_orders` (`progress`,`is_template`,`stage_id`,`responsible_worker_id`,`preferred_worker_id`,`priority`,`requested_start`);--> statement-breakpoint
ALTER TABLE `agreement_groups` ADD `sla_id` integer REFERENCES sla_definitions(id);--> statement-breakpoint
ALTER TABLE `agreements` ADD `sla_id` integer REFERENCES sla_definitions(id);