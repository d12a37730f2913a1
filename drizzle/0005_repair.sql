CREATE TABLE `bom_template_components` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`template_id` integer NOT NULL,
	`parent_id` integer,
	`item_id` integer NOT NULL,
	`quantity` integer DEFAULT 1000 NOT NULL,
	`unit` text DEFAULT 'pcs' NOT NULL,
	`position` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`template_id`) REFERENCES `bom_templates`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`parent_id`) REFERENCES `bom_template_components`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`item_id`) REFERENCES `items`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `bom_template_components_template_idx` ON `bom_template_components` (`template_id`);--> statement-breakpoint
CREATE TABLE `bom_templates` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`number` text NOT NULL,
	`name` text NOT NULL,
	`item_id` integer,
	`created_at` integer NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`item_id`) REFERENCES `items`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `bom_templates_number_unique` ON `bom_templates` (`number`);--> statement-breakpoint
CREATE TABLE `object_structures` (
	`service_object_id` integer PRIMARY KEY NOT NULL,
	`template_id` integer,
	`attached_at` integer NOT NULL,
	`attached_by` integer,
	FOREIGN KEY (`service_object_id`) REFERENCES `service_objects`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`template_id`) REFERENCES `bom_templates`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`attached_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `repair_codes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`area_id` integer,
	`object_group_id` integer,
	`finished` integer DEFAULT false NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`area_id`) REFERENCES `repair_codes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`object_group_id`) REFERENCES `service_object_groups`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "repair_codes_kind_check" CHECK("repair_codes"."kind" in ('condition','symptomArea','symptomCode','diagnosisArea','diagnosisCode','resolution','stage'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `repair_codes_kind_code_idx` ON `repair_codes` (`kind`,`code`);--> statement-breakpoint
CREATE INDEX `repair_codes_area_idx` ON `repair_codes` (`area_id`);--> statement-breakpoint
CREATE TABLE `repair_lines` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`order_id` integer NOT NULL,
	`line_no` integer NOT NULL,
	`service_object_id` integer NOT NULL,
	`symptom_area_id` integer,
	`symptom_code_id` integer,
	`condition_id` integer,
	`diagnosis_area_id` integer,
	`diagnosis_code_id` integer,
	`resolution_id` integer,
	`stage_id` integer,
	`worker_id` integer,
	`note` text DEFAULT '' NOT NULL,
	`repeat_of_id` integer,
	`created_at` integer NOT NULL,
	`created_by` integer,
	`finished_at` integer,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`order_id`) REFERENCES `service_orders`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`service_object_id`) REFERENCES `service_objects`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`symptom_area_id`) REFERENCES `repair_codes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`symptom_code_id`) REFERENCES `repair_codes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`condition_id`) REFERENCES `repair_codes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`diagnosis_area_id`) REFERENCES `repair_codes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`diagnosis_code_id`) REFERENCES `repair_codes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`resolution_id`) REFERENCES `repair_codes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`stage_id`) REFERENCES `repair_codes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`worker_id`) REFERENCES `workers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`repeat_of_id`) REFERENCES `repair_lines`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `repair_lines_order_idx` ON `repair_lines` (`order_id`,`line_no`);--> statement-breakpoint
CREATE INDEX `repair_lines_object_idx` ON `repair_lines` (`service_object_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `repair_lines_worker_idx` ON `repair_lines` (`worker_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `repair_lines_symptom_idx` ON `repair_lines` (`symptom_code_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `repair_lines_repeat_idx` ON `repair_lines` (`repeat_of_id`);--> statement-breakpoint
CREATE TABLE `repair_settings` (
	`id` integer PRIMARY KEY NOT NULL,
	`repeat_window_days` integer DEFAULT 30 NOT NULL,
	`resolution_required` integer DEFAULT true NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	CONSTRAINT "repair_settings_single_row" CHECK("repair_settings"."id" = 1)
);
--> statement-breakpoint
CREATE TABLE `structure_components` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`service_object_id` integer NOT NULL,
	`parent_id` integer,
	`item_id` integer NOT NULL,
	`quantity` integer DEFAULT 1000 NOT NULL,
	`unit` text DEFAULT 'pcs' NOT NULL,
	`position` text DEFAULT '' NOT NULL,
	`serial` text DEFAULT '' NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`service_object_id`) REFERENCES `service_objects`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`parent_id`) REFERENCES `structure_components`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`item_id`) REFERENCES `items`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `structure_components_object_idx` ON `structure_components` (`service_object_id`);--> statement-breakpoint
CREATE INDEX `structure_components_parent_idx` ON `structure_components` (`parent_id`);--> statement-breakpoint
CREATE TABLE `structure_versions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`service_object_id` integer NOT NULL,
	`component_id` integer NOT NULL,
	`kind` text NOT NULL,
	`parent_id` integer,
	`item_id` integer NOT NULL,
	`quantity` integer NOT NULL,
	`unit` text NOT NULL,
	`position` text NOT NULL,
	`serial` text NOT NULL,
	`old_item_id` integer,
	`old_serial` text DEFAULT '' NOT NULL,
	`at` integer NOT NULL,
	`user_id` integer,
	`order_line_id` integer,
	`repair_line_id` integer,
	`return_line_id` integer,
	`note` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`service_object_id`) REFERENCES `service_objects`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`item_id`) REFERENCES `items`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`old_item_id`) REFERENCES `items`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`order_line_id`) REFERENCES `service_order_lines`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`repair_line_id`) REFERENCES `repair_lines`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "structure_versions_kind_check" CHECK("structure_versions"."kind" in ('add','remove','replace','serial','move'))
);
--> statement-breakpoint
CREATE INDEX `structure_versions_object_idx` ON `structure_versions` (`service_object_id`,`at`);