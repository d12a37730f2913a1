CREATE TABLE `categories` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`type` text NOT NULL,
	`unit` text DEFAULT 'h' NOT NULL,
	`cost_price` integer DEFAULT 0 NOT NULL,
	`sales_price` integer DEFAULT 0 NOT NULL,
	CONSTRAINT "categories_type_check" CHECK("categories"."type" in ('hour','expense','fee'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `categories_code_unique` ON `categories` (`code`);--> statement-breakpoint
CREATE TABLE `customer_contacts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`customer_id` integer NOT NULL,
	`name` text NOT NULL,
	`role` text DEFAULT '' NOT NULL,
	`phone` text DEFAULT '' NOT NULL,
	`email` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `customer_contacts_customer_idx` ON `customer_contacts` (`customer_id`);--> statement-breakpoint
CREATE TABLE `customer_groups` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `customer_groups_code_unique` ON `customer_groups` (`code`);--> statement-breakpoint
CREATE TABLE `customer_sites` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`customer_id` integer NOT NULL,
	`name` text NOT NULL,
	`street` text NOT NULL,
	`city` text NOT NULL,
	`postal_code` text DEFAULT '' NOT NULL,
	`country` text DEFAULT 'EE' NOT NULL,
	`access_notes` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `customer_sites_customer_idx` ON `customer_sites` (`customer_id`);--> statement-breakpoint
CREATE INDEX `customer_sites_street_idx` ON `customer_sites` (`street`);--> statement-breakpoint
CREATE TABLE `customers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`number` text NOT NULL,
	`name` text NOT NULL,
	`group_id` integer,
	`language` text DEFAULT 'et' NOT NULL,
	`email` text DEFAULT '' NOT NULL,
	`phone` text DEFAULT '' NOT NULL,
	`vat_number` text DEFAULT '' NOT NULL,
	`billing_address` text DEFAULT '' NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`group_id`) REFERENCES `customer_groups`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `customers_number_unique` ON `customers` (`number`);--> statement-breakpoint
CREATE INDEX `customers_name_idx` ON `customers` (`name`);--> statement-breakpoint
CREATE INDEX `customers_group_idx` ON `customers` (`group_id`);--> statement-breakpoint
CREATE TABLE `dispatch_teams` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`owner_worker_id` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `dispatch_teams_code_unique` ON `dispatch_teams` (`code`);--> statement-breakpoint
CREATE TABLE `items` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`number` text NOT NULL,
	`name` text NOT NULL,
	`unit` text DEFAULT 'pcs' NOT NULL,
	`cost_price` integer DEFAULT 0 NOT NULL,
	`sales_price` integer DEFAULT 0 NOT NULL,
	`serial_tracked` integer DEFAULT false NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`version` integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `items_number_unique` ON `items` (`number`);--> statement-breakpoint
CREATE INDEX `items_name_idx` ON `items` (`name`);--> statement-breakpoint
CREATE TABLE `service_object_groups` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `service_object_groups_code_unique` ON `service_object_groups` (`code`);--> statement-breakpoint
CREATE TABLE `service_objects` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`number` text NOT NULL,
	`name` text NOT NULL,
	`customer_id` integer NOT NULL,
	`site_id` integer,
	`item_id` integer,
	`group_id` integer,
	`serial_number` text DEFAULT '' NOT NULL,
	`installation_date` text,
	`warranty_end` text,
	`parent_id` integer,
	`notes` text DEFAULT '' NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`site_id`) REFERENCES `customer_sites`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`item_id`) REFERENCES `items`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`group_id`) REFERENCES `service_object_groups`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `service_objects_number_unique` ON `service_objects` (`number`);--> statement-breakpoint
CREATE INDEX `service_objects_customer_idx` ON `service_objects` (`customer_id`);--> statement-breakpoint
CREATE INDEX `service_objects_site_idx` ON `service_objects` (`site_id`);--> statement-breakpoint
CREATE INDEX `service_objects_serial_idx` ON `service_objects` (`serial_number`);--> statement-breakpoint
CREATE INDEX `service_objects_parent_idx` ON `service_objects` (`parent_id`);--> statement-breakpoint
CREATE INDEX `service_objects_name_idx` ON `service_objects` (`name`);--> statement-breakpoint
CREATE TABLE `service_task_skills` (
	`task_id` integer NOT NULL,
	`skill_id` integer NOT NULL,
	PRIMARY KEY(`task_id`, `skill_id`),
	FOREIGN KEY (`task_id`) REFERENCES `service_tasks`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`skill_id`) REFERENCES `skills`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `service_task_skills_skill_idx` ON `service_task_skills` (`skill_id`);--> statement-breakpoint
CREATE TABLE `service_tasks` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`default_duration_minutes` integer DEFAULT 60 NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `service_tasks_code_unique` ON `service_tasks` (`code`);--> statement-breakpoint
CREATE TABLE `skills` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `skills_code_unique` ON `skills` (`code`);--> statement-breakpoint
CREATE TABLE `worker_skills` (
	`worker_id` integer NOT NULL,
	`skill_id` integer NOT NULL,
	PRIMARY KEY(`worker_id`, `skill_id`),
	FOREIGN KEY (`worker_id`) REFERENCES `workers`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`skill_id`) REFERENCES `skills`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `worker_skills_skill_idx` ON `worker_skills` (`skill_id`);--> statement-breakpoint
CREATE TABLE `workers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`number` text NOT NULL,
	`name` text NOT NULL,
	`email` text DEFAULT '' NOT NULL,
	`phone` text DEFAULT '' NOT NULL,
	`roles` text NOT NULL,
	`team_id` integer,
	`home_base` text DEFAULT '' NOT NULL,
	`working_hours` text,
	`active` integer DEFAULT true NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`team_id`) REFERENCES `dispatch_teams`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `workers_number_unique` ON `workers` (`number`);--> statement-breakpoint
CREATE INDEX `workers_team_idx` ON `workers` (`team_id`);--> statement-breakpoint
CREATE INDEX `workers_name_idx` ON `workers` (`name`);--> statement-breakpoint
CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` integer NOT NULL,
	`user_id` integer,
	`entity` text NOT NULL,
	`entity_id` integer NOT NULL,
	`action` text NOT NULL,
	`before` text,
	`after` text,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "audit_log_action_check" CHECK("audit_log"."action" in ('create','update','delete'))
);
--> statement-breakpoint
CREATE INDEX `audit_log_entity_idx` ON `audit_log` (`entity`,`entity_id`);--> statement-breakpoint
CREATE TABLE `number_sequences` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`prefix` text DEFAULT '' NOT NULL,
	`next_number` integer DEFAULT 1 NOT NULL,
	`padding` integer DEFAULT 6 NOT NULL,
	`version` integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `number_sequences_code_unique` ON `number_sequences` (`code`);--> statement-breakpoint
CREATE TABLE `settings` (
	`id` integer PRIMARY KEY NOT NULL,
	`company_name` text NOT NULL,
	`company_address` text DEFAULT '' NOT NULL,
	`company_reg_no` text DEFAULT '' NOT NULL,
	`company_vat_number` text DEFAULT '' NOT NULL,
	`currency` text DEFAULT 'EUR' NOT NULL,
	`time_zone` text DEFAULT 'Europe/Tallinn' NOT NULL,
	`vat_rates` text NOT NULL,
	`working_hours` text NOT NULL,
	`holidays` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	CONSTRAINT "settings_single_row" CHECK("settings"."id" = 1)
);
--> statement-breakpoint
CREATE TABLE `users` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`username` text NOT NULL,
	`display_name` text NOT NULL,
	`password_hash` text NOT NULL,
	`password_salt` text NOT NULL,
	`roles` text NOT NULL,
	`worker_id` integer,
	`active` integer DEFAULT true NOT NULL,
	`failed_attempts` integer DEFAULT 0 NOT NULL,
	`last_failed_at` integer,
	`last_sign_in_at` integer,
	`created_at` integer NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`worker_id`) REFERENCES `workers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_username_unique` ON `users` (`username`);--> statement-breakpoint
CREATE TABLE `invoice_lines` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`invoice_id` integer NOT NULL,
	`order_line_id` integer NOT NULL,
	`order_number` text NOT NULL,
	`type` text NOT NULL,
	`description` text NOT NULL,
	`quantity` integer NOT NULL,
	`unit` text NOT NULL,
	`unit_price` integer NOT NULL,
	`net_amount` integer NOT NULL,
	`vat_code` text NOT NULL,
	`vat_rate` integer NOT NULL,
	`vat_amount` integer NOT NULL,
	FOREIGN KEY (`invoice_id`) REFERENCES `invoices`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`order_line_id`) REFERENCES `service_order_lines`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `invoice_lines_invoice_idx` ON `invoice_lines` (`invoice_id`);--> statement-breakpoint
CREATE INDEX `invoice_lines_order_line_idx` ON `invoice_lines` (`order_line_id`);--> statement-breakpoint
CREATE TABLE `invoices` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`number` text NOT NULL,
	`kind` text DEFAULT 'invoice' NOT NULL,
	`customer_id` integer NOT NULL,
	`invoice_date` text NOT NULL,
	`due_date` text NOT NULL,
	`currency` text NOT NULL,
	`net_total` integer NOT NULL,
	`vat_total` integer NOT NULL,
	`gross_total` integer NOT NULL,
	`credit_of_id` integer,
	`request_key` text NOT NULL,
	`created_at` integer NOT NULL,
	`created_by` integer,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "invoices_kind_check" CHECK("invoices"."kind" in ('invoice','credit'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `invoices_number_unique` ON `invoices` (`number`);--> statement-breakpoint
CREATE UNIQUE INDEX `invoices_request_key_unique` ON `invoices` (`request_key`);--> statement-breakpoint
CREATE INDEX `invoices_customer_idx` ON `invoices` (`customer_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `invoices_credit_of_idx` ON `invoices` (`credit_of_id`);--> statement-breakpoint
CREATE TABLE `saved_views` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer NOT NULL,
	`list` text NOT NULL,
	`name` text NOT NULL,
	`filters` text NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `saved_views_user_list_name_idx` ON `saved_views` (`user_id`,`list`,`name`);--> statement-breakpoint
CREATE TABLE `service_order_lines` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`order_id` integer NOT NULL,
	`line_no` integer NOT NULL,
	`type` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`worker_id` integer,
	`service_object_id` integer,
	`service_task_id` integer,
	`category_id` integer,
	`item_id` integer,
	`quantity` integer DEFAULT 1000 NOT NULL,
	`unit` text DEFAULT '' NOT NULL,
	`unit_cost` integer DEFAULT 0 NOT NULL,
	`unit_price` integer DEFAULT 0 NOT NULL,
	`scheduled_date` text,
	`actual_date` text,
	`note` text DEFAULT '' NOT NULL,
	`status` text DEFAULT 'created' NOT NULL,
	`signed_off_at` integer,
	`signed_off_by` integer,
	`posted_at` integer,
	`posted_by` integer,
	`invoice_id` integer,
	`agreement_line_id` integer,
	`occurrence_date` text,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`order_id`) REFERENCES `service_orders`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`worker_id`) REFERENCES `workers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`service_object_id`) REFERENCES `service_objects`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`service_task_id`) REFERENCES `service_tasks`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`category_id`) REFERENCES `categories`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`item_id`) REFERENCES `items`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`signed_off_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`posted_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "service_order_lines_type_check" CHECK("service_order_lines"."type" in ('hour','expense','item','fee')),
	CONSTRAINT "service_order_lines_status_check" CHECK("service_order_lines"."status" in ('created','cancelled','posted'))
);
--> statement-breakpoint
CREATE INDEX `service_order_lines_order_idx` ON `service_order_lines` (`order_id`,`line_no`);--> statement-breakpoint
CREATE INDEX `service_order_lines_worker_idx` ON `service_order_lines` (`worker_id`,`scheduled_date`);--> statement-breakpoint
CREATE INDEX `service_order_lines_invoice_idx` ON `service_order_lines` (`invoice_id`);--> statement-breakpoint
CREATE INDEX `service_order_lines_agreement_line_idx` ON `service_order_lines` (`agreement_line_id`);--> statement-breakpoint
CREATE TABLE `service_order_objects` (
	`order_id` integer NOT NULL,
	`service_object_id` integer NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	PRIMARY KEY(`order_id`, `service_object_id`),
	FOREIGN KEY (`order_id`) REFERENCES `service_orders`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`service_object_id`) REFERENCES `service_objects`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `service_order_objects_object_idx` ON `service_order_objects` (`service_object_id`);--> statement-breakpoint
CREATE TABLE `service_order_tasks` (
	`order_id` integer NOT NULL,
	`service_task_id` integer NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	PRIMARY KEY(`order_id`, `service_task_id`),
	FOREIGN KEY (`order_id`) REFERENCES `service_orders`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`service_task_id`) REFERENCES `service_tasks`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `service_orders` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`number` text NOT NULL,
	`customer_id` integer NOT NULL,
	`site_id` integer,
	`one_time_address` text DEFAULT '' NOT NULL,
	`contact_id` integer,
	`description` text NOT NULL,
	`priority` text DEFAULT 'normal' NOT NULL,
	`requested_start` integer,
	`requested_end` integer,
	`planned_start` integer,
	`planned_end` integer,
	`actual_start` integer,
	`actual_end` integer,
	`preferred_worker_id` integer,
	`responsible_worker_id` integer,
	`agreement_id` integer,
	`origin` text DEFAULT 'manual' NOT NULL,
	`stage_id` integer NOT NULL,
	`progress` text DEFAULT 'inProcess' NOT NULL,
	`line_count` integer DEFAULT 0 NOT NULL,
	`sales_total` integer DEFAULT 0 NOT NULL,
	`cost_total` integer DEFAULT 0 NOT NULL,
	`is_template` integer DEFAULT false NOT NULL,
	`calendar_conflict` integer DEFAULT false NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	`signed_off_at` integer,
	`signed_off_by` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`site_id`) REFERENCES `customer_sites`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`contact_id`) REFERENCES `customer_contacts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`preferred_worker_id`) REFERENCES `workers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`responsible_worker_id`) REFERENCES `workers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`stage_id`) REFERENCES `service_stages`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`signed_off_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "service_orders_priority_check" CHECK("service_orders"."priority" in ('high','normal','low')),
	CONSTRAINT "service_orders_progress_check" CHECK("service_orders"."progress" in ('inProcess','posted','cancelled')),
	CONSTRAINT "service_orders_origin_check" CHECK("service_orders"."origin" in ('manual','agreement','return','copy'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `service_orders_number_unique` ON `service_orders` (`number`);--> statement-breakpoint
CREATE INDEX `service_orders_customer_idx` ON `service_orders` (`customer_id`);--> statement-breakpoint
CREATE INDEX `service_orders_stage_idx` ON `service_orders` (`stage_id`,`planned_start`,`is_template`);--> statement-breakpoint
CREATE INDEX `service_orders_progress_idx` ON `service_orders` (`progress`,`planned_start`,`is_template`);--> statement-breakpoint
CREATE INDEX `service_orders_progress_priority_idx` ON `service_orders` (`progress`,`priority`,`planned_start`,`is_template`);--> statement-breakpoint
CREATE INDEX `service_orders_planned_idx` ON `service_orders` (`planned_start`);--> statement-breakpoint
CREATE INDEX `service_orders_responsible_idx` ON `service_orders` (`responsible_worker_id`);--> statement-breakpoint
CREATE INDEX `service_orders_preferred_idx` ON `service_orders` (`preferred_worker_id`);--> statement-breakpoint
CREATE INDEX `service_orders_agreement_idx` ON `service_orders` (`agreement_id`);--> statement-breakpoint
CREATE TABLE `service_stages` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`parent_id` integer,
	`sort_order` integer DEFAULT 0 NOT NULL,
	`can_modify` integer DEFAULT true NOT NULL,
	`can_delete` integer DEFAULT false NOT NULL,
	`can_cancel` integer DEFAULT true NOT NULL,
	`can_post` integer DEFAULT false NOT NULL,
	`reason_required` integer DEFAULT false NOT NULL,
	`stops_sla_clock` integer DEFAULT false NOT NULL,
	`version` integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `service_stages_code_unique` ON `service_stages` (`code`);--> statement-breakpoint
CREATE INDEX `service_stages_parent_idx` ON `service_stages` (`parent_id`);--> statement-breakpoint
CREATE TABLE `stage_history` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`order_id` integer NOT NULL,
	`at` integer NOT NULL,
	`user_id` integer,
	`from_stage_id` integer,
	`to_stage_id` integer NOT NULL,
	`reason_id` integer,
	`note` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`order_id`) REFERENCES `service_orders`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`from_stage_id`) REFERENCES `service_stages`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`to_stage_id`) REFERENCES `service_stages`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reason_id`) REFERENCES `stage_reasons`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `stage_history_order_idx` ON `stage_history` (`order_id`);--> statement-breakpoint
CREATE TABLE `stage_reasons` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `stage_reasons_code_unique` ON `stage_reasons` (`code`);--> statement-breakpoint
CREATE TABLE `agreement_groups` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `agreement_groups_code_unique` ON `agreement_groups` (`code`);--> statement-breakpoint
CREATE TABLE `agreement_lines` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`agreement_id` integer NOT NULL,
	`line_no` integer NOT NULL,
	`type` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`service_object_id` integer,
	`service_task_id` integer,
	`interval_id` integer,
	`time_window_id` integer,
	`start_date` text NOT NULL,
	`end_date` text,
	`start_after` text,
	`end_before` text,
	`quantity` integer DEFAULT 1000 NOT NULL,
	`item_id` integer,
	`category_id` integer,
	`unit_price` integer,
	`worker_id` integer,
	`stopped` integer DEFAULT false NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`agreement_id`) REFERENCES `agreements`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`service_object_id`) REFERENCES `service_objects`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`service_task_id`) REFERENCES `service_tasks`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`interval_id`) REFERENCES `service_intervals`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`time_window_id`) REFERENCES `time_windows`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`item_id`) REFERENCES `items`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`category_id`) REFERENCES `categories`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`worker_id`) REFERENCES `workers`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "agreement_lines_type_check" CHECK("agreement_lines"."type" in ('hour','expense','item','fee'))
);
--> statement-breakpoint
CREATE INDEX `agreement_lines_agreement_idx` ON `agreement_lines` (`agreement_id`,`line_no`);--> statement-breakpoint
CREATE TABLE `agreement_objects` (
	`agreement_id` integer NOT NULL,
	`service_object_id` integer NOT NULL,
	`internal_note` text DEFAULT '' NOT NULL,
	`external_note` text DEFAULT '' NOT NULL,
	PRIMARY KEY(`agreement_id`, `service_object_id`),
	FOREIGN KEY (`agreement_id`) REFERENCES `agreements`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`service_object_id`) REFERENCES `service_objects`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `agreement_objects_object_idx` ON `agreement_objects` (`service_object_id`);--> statement-breakpoint
CREATE TABLE `agreement_occurrences` (
	`agreement_line_id` integer NOT NULL,
	`occurrence_date` text NOT NULL,
	`order_line_id` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`agreement_line_id`) REFERENCES `agreement_lines`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`order_line_id`) REFERENCES `service_order_lines`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `agreement_occurrences_key` ON `agreement_occurrences` (`agreement_line_id`,`occurrence_date`);--> statement-breakpoint
CREATE INDEX `agreement_occurrences_order_line_idx` ON `agreement_occurrences` (`order_line_id`);--> statement-breakpoint
CREATE TABLE `agreement_tasks` (
	`agreement_id` integer NOT NULL,
	`service_task_id` integer NOT NULL,
	`internal_note` text DEFAULT '' NOT NULL,
	`external_note` text DEFAULT '' NOT NULL,
	PRIMARY KEY(`agreement_id`, `service_task_id`),
	FOREIGN KEY (`agreement_id`) REFERENCES `agreements`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`service_task_id`) REFERENCES `service_tasks`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `agreements` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`number` text NOT NULL,
	`customer_id` integer NOT NULL,
	`description` text NOT NULL,
	`group_id` integer NOT NULL,
	`start_date` text NOT NULL,
	`end_date` text,
	`suspended` integer DEFAULT false NOT NULL,
	`combine_rule` text DEFAULT 'agreement' NOT NULL,
	`preferred_worker_id` integer,
	`responsible_worker_id` integer,
	`contact_id` integer,
	`template_group_id` integer,
	`notes` text DEFAULT '' NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`group_id`) REFERENCES `agreement_groups`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`preferred_worker_id`) REFERENCES `workers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`responsible_worker_id`) REFERENCES `workers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`contact_id`) REFERENCES `customer_contacts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`template_group_id`) REFERENCES `template_groups`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "agreements_combine_check" CHECK("agreements"."combine_rule" in ('agreement','task','worker','object'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `agreements_number_unique` ON `agreements` (`number`);--> statement-breakpoint
CREATE INDEX `agreements_customer_idx` ON `agreements` (`customer_id`);--> statement-breakpoint
CREATE INDEX `agreements_group_idx` ON `agreements` (`group_id`);--> statement-breakpoint
CREATE TABLE `generation_runs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`started_at` integer NOT NULL,
	`finished_at` integer,
	`user_id` integer,
	`from_date` text NOT NULL,
	`to_date` text NOT NULL,
	`status` text NOT NULL,
	`agreements_total` integer DEFAULT 0 NOT NULL,
	`agreements_done` integer DEFAULT 0 NOT NULL,
	`orders_created` integer DEFAULT 0 NOT NULL,
	`lines_created` integer DEFAULT 0 NOT NULL,
	`skipped` integer DEFAULT 0 NOT NULL,
	`conflicts` integer DEFAULT 0 NOT NULL,
	`order_ids` text NOT NULL,
	`error` text,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `service_intervals` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`unit` text NOT NULL,
	`every` integer NOT NULL,
	CONSTRAINT "service_intervals_unit_check" CHECK("service_intervals"."unit" in ('day','week','month','year')),
	CONSTRAINT "service_intervals_every_check" CHECK("service_intervals"."every" >= 1)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `service_intervals_code_unique` ON `service_intervals` (`code`);--> statement-breakpoint
CREATE TABLE `template_groups` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`parent_id` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `template_groups_code_unique` ON `template_groups` (`code`);--> statement-breakpoint
CREATE TABLE `time_windows` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`kind` text NOT NULL,
	`days_before` integer DEFAULT 0 NOT NULL,
	`days_after` integer DEFAULT 0 NOT NULL,
	CONSTRAINT "time_windows_kind_check" CHECK("time_windows"."kind" in ('week','month','manual'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `time_windows_code_unique` ON `time_windows` (`code`);