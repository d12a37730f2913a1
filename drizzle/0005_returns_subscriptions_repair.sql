CREATE TABLE `disposition_codes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`action` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	CONSTRAINT "disposition_codes_action_check" CHECK("disposition_codes"."action" in ('creditOnly','credit','replaceCredit','replaceScrap','returnToCustomer','scrap','repairReturn'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `disposition_codes_code_unique` ON `disposition_codes` (`code`);--> statement-breakpoint
CREATE TABLE `object_serial_history` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`service_object_id` integer NOT NULL,
	`old_serial` text NOT NULL,
	`new_serial` text NOT NULL,
	`date` text NOT NULL,
	`return_line_id` integer,
	FOREIGN KEY (`service_object_id`) REFERENCES `service_objects`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`return_line_id`) REFERENCES `return_lines`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `object_serial_history_object_idx` ON `object_serial_history` (`service_object_id`);--> statement-breakpoint
CREATE TABLE `return_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`return_id` integer NOT NULL,
	`line_id` integer,
	`at` integer NOT NULL,
	`user_id` integer,
	`event` text NOT NULL,
	`detail` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`return_id`) REFERENCES `return_orders`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`line_id`) REFERENCES `return_lines`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `return_events_return_idx` ON `return_events` (`return_id`,`at`);--> statement-breakpoint
CREATE TABLE `return_lines` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`return_id` integer NOT NULL,
	`line_no` integer NOT NULL,
	`item_id` integer,
	`service_object_id` integer,
	`description` text NOT NULL,
	`quantity` integer NOT NULL,
	`unit` text DEFAULT '' NOT NULL,
	`return_price` integer DEFAULT 0 NOT NULL,
	`vat_code` text DEFAULT '' NOT NULL,
	`vat_rate` integer DEFAULT 0 NOT NULL,
	`invoice_line_id` integer,
	`disposition_id` integer,
	`replacement_item_id` integer,
	`up_front_order_id` integer,
	`status` text DEFAULT 'expected' NOT NULL,
	`quarantine` integer DEFAULT false NOT NULL,
	`inspection_note` text DEFAULT '' NOT NULL,
	`split_from_id` integer,
	`credit_line_id` integer,
	`result_order_id` integer,
	`registered_at` integer,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`return_id`) REFERENCES `return_orders`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`item_id`) REFERENCES `items`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`service_object_id`) REFERENCES `service_objects`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`invoice_line_id`) REFERENCES `invoice_lines`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`disposition_id`) REFERENCES `disposition_codes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`replacement_item_id`) REFERENCES `items`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`up_front_order_id`) REFERENCES `service_orders`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`split_from_id`) REFERENCES `return_lines`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`credit_line_id`) REFERENCES `invoice_lines`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`result_order_id`) REFERENCES `service_orders`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "return_lines_status_check" CHECK("return_lines"."status" in ('expected','registered','received','credited','closed'))
);
--> statement-breakpoint
CREATE INDEX `return_lines_return_idx` ON `return_lines` (`return_id`,`line_no`);--> statement-breakpoint
CREATE INDEX `return_lines_invoice_line_idx` ON `return_lines` (`invoice_line_id`);--> statement-breakpoint
CREATE INDEX `return_lines_result_order_idx` ON `return_lines` (`result_order_id`);--> statement-breakpoint
CREATE INDEX `return_lines_queue_idx` ON `return_lines` (`quarantine`,`status`);--> statement-breakpoint
CREATE TABLE `return_orders` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`number` text NOT NULL,
	`status` text DEFAULT 'created' NOT NULL,
	`customer_id` integer NOT NULL,
	`contact_id` integer,
	`site_id` integer,
	`reason_id` integer NOT NULL,
	`created_date` text NOT NULL,
	`deadline` text NOT NULL,
	`source_order_id` integer,
	`replacement_order_id` integer,
	`charge_invoice_id` integer,
	`note` text DEFAULT '' NOT NULL,
	`created_at` integer NOT NULL,
	`created_by` integer,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`contact_id`) REFERENCES `customer_contacts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`site_id`) REFERENCES `customer_sites`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reason_id`) REFERENCES `return_reasons`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`source_order_id`) REFERENCES `service_orders`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`replacement_order_id`) REFERENCES `service_orders`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`charge_invoice_id`) REFERENCES `invoices`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "return_orders_status_check" CHECK("return_orders"."status" in ('created','open','closed','cancelled'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `return_orders_number_unique` ON `return_orders` (`number`);--> statement-breakpoint
CREATE INDEX `return_orders_status_idx` ON `return_orders` (`status`,`created_date`);--> statement-breakpoint
CREATE INDEX `return_orders_customer_idx` ON `return_orders` (`customer_id`,`created_date`);--> statement-breakpoint
CREATE INDEX `return_orders_reason_idx` ON `return_orders` (`reason_id`,`created_date`);--> statement-breakpoint
CREATE INDEX `return_orders_created_idx` ON `return_orders` (`created_date`);--> statement-breakpoint
CREATE INDEX `return_orders_source_order_idx` ON `return_orders` (`source_order_id`);--> statement-breakpoint
CREATE TABLE `return_reason_groups` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `return_reason_groups_code_unique` ON `return_reason_groups` (`code`);--> statement-breakpoint
CREATE TABLE `return_reasons` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`group_id` integer,
	`charge_category_id` integer,
	`charge_item_id` integer,
	`charge_amount` integer DEFAULT 0 NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`group_id`) REFERENCES `return_reason_groups`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`charge_category_id`) REFERENCES `categories`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`charge_item_id`) REFERENCES `items`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `return_reasons_code_unique` ON `return_reasons` (`code`);--> statement-breakpoint
CREATE TABLE `return_shipments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`return_line_id` integer NOT NULL,
	`date` text NOT NULL,
	`quantity` integer NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`return_line_id`) REFERENCES `return_lines`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `return_shipments_line_idx` ON `return_shipments` (`return_line_id`);--> statement-breakpoint
CREATE TABLE `stock_movements` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`item_id` integer NOT NULL,
	`location` text NOT NULL,
	`quantity` integer NOT NULL,
	`return_line_id` integer,
	`at` integer NOT NULL,
	FOREIGN KEY (`item_id`) REFERENCES `items`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`return_line_id`) REFERENCES `return_lines`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "stock_movements_location_check" CHECK("stock_movements"."location" in ('stock','quarantine','scrap','atCustomer'))
);
--> statement-breakpoint
CREATE INDEX `stock_movements_item_idx` ON `stock_movements` (`item_id`,`location`);--> statement-breakpoint
CREATE INDEX `stock_movements_return_line_idx` ON `stock_movements` (`return_line_id`);--> statement-breakpoint
CREATE TABLE `subscription_fees` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`subscription_id` integer NOT NULL,
	`kind` text NOT NULL,
	`period_start` text NOT NULL,
	`from_date` text NOT NULL,
	`to_date` text NOT NULL,
	`amount` integer NOT NULL,
	`reduction_of_id` integer,
	`invoice_line_id` integer,
	`credited_amount` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`subscription_id`) REFERENCES `subscriptions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`invoice_line_id`) REFERENCES `invoice_lines`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "subscription_fees_kind_check" CHECK("subscription_fees"."kind" in ('regular','nonRegular','reductionDays','priceReduction'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `subscription_fees_period_key` ON `subscription_fees` (`subscription_id`,`period_start`) WHERE kind in ('regular','nonRegular');--> statement-breakpoint
CREATE INDEX `subscription_fees_reduction_idx` ON `subscription_fees` (`reduction_of_id`);--> statement-breakpoint
CREATE INDEX `subscription_fees_invoice_line_idx` ON `subscription_fees` (`invoice_line_id`);--> statement-breakpoint
CREATE TABLE `subscription_groups` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`invoicing_period` text NOT NULL,
	`accrue` integer DEFAULT false NOT NULL,
	`accrual_period` text,
	`number_sequence` text DEFAULT '' NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	CONSTRAINT "subscription_groups_invoicing_check" CHECK("subscription_groups"."invoicing_period" in ('day','week','month','quarter','halfYear','year')),
	CONSTRAINT "subscription_groups_accrual_check" CHECK("subscription_groups"."accrual_period" is null or "subscription_groups"."accrual_period" in ('day','week','month','quarter','halfYear','year'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `subscription_groups_code_unique` ON `subscription_groups` (`code`);--> statement-breakpoint
CREATE TABLE `subscription_objects` (
	`subscription_id` integer NOT NULL,
	`service_object_id` integer NOT NULL,
	PRIMARY KEY(`subscription_id`, `service_object_id`),
	FOREIGN KEY (`subscription_id`) REFERENCES `subscriptions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`service_object_id`) REFERENCES `service_objects`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `subscription_parameters` (
	`id` integer PRIMARY KEY NOT NULL,
	`invoice_with_order_lines` integer DEFAULT false NOT NULL,
	`reverse_on_credit` text DEFAULT 'automatic' NOT NULL
);
--> statement-breakpoint
CREATE TABLE `subscription_pending_reversals` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`fee_id` integer NOT NULL,
	`amount` integer NOT NULL,
	`credit_date` text NOT NULL,
	FOREIGN KEY (`fee_id`) REFERENCES `subscription_fees`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `subscription_prices` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`period_code` text NOT NULL,
	`currency` text NOT NULL,
	`subscription_id` integer,
	`customer_id` integer,
	`category_id` integer,
	`valid_from` text NOT NULL,
	`valid_to` text,
	`amount` integer NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`subscription_id`) REFERENCES `subscriptions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`category_id`) REFERENCES `categories`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "subscription_prices_period_check" CHECK("subscription_prices"."period_code" in ('day','week','month','quarter','halfYear','year')),
	CONSTRAINT "subscription_prices_dates_check" CHECK("subscription_prices"."valid_to" is null or "subscription_prices"."valid_to" >= "subscription_prices"."valid_from")
);
--> statement-breakpoint
CREATE INDEX `subscription_prices_lookup_idx` ON `subscription_prices` (`period_code`,`currency`);--> statement-breakpoint
CREATE TABLE `subscription_recognition` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`fee_id` integer NOT NULL,
	`from_date` text NOT NULL,
	`to_date` text NOT NULL,
	`recognize_on` text NOT NULL,
	`amount` integer NOT NULL,
	`reversal` integer DEFAULT false NOT NULL,
	FOREIGN KEY (`fee_id`) REFERENCES `subscription_fees`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `subscription_recognition_fee_idx` ON `subscription_recognition` (`fee_id`);--> statement-breakpoint
CREATE INDEX `subscription_recognition_date_idx` ON `subscription_recognition` (`recognize_on`);--> statement-breakpoint
CREATE TABLE `subscription_runs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`started_at` integer NOT NULL,
	`finished_at` integer,
	`user_id` integer,
	`to_date` text NOT NULL,
	`status` text NOT NULL,
	`total` integer DEFAULT 0 NOT NULL,
	`done` integer DEFAULT 0 NOT NULL,
	`created` integer DEFAULT 0 NOT NULL,
	`skipped` integer DEFAULT 0 NOT NULL,
	`error` text,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `subscriptions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`number` text NOT NULL,
	`name` text NOT NULL,
	`customer_id` integer NOT NULL,
	`agreement_id` integer,
	`group_id` integer NOT NULL,
	`category_id` integer,
	`currency` text NOT NULL,
	`base_price` integer NOT NULL,
	`price_index` integer DEFAULT 10000 NOT NULL,
	`start_date` text NOT NULL,
	`end_date` text,
	`active` integer DEFAULT true NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`created_at` integer NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`agreement_id`) REFERENCES `agreements`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`group_id`) REFERENCES `subscription_groups`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`category_id`) REFERENCES `categories`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "subscriptions_dates_check" CHECK("subscriptions"."end_date" is null or "subscriptions"."end_date" >= "subscriptions"."start_date")
);
--> statement-breakpoint
CREATE UNIQUE INDEX `subscriptions_number_unique` ON `subscriptions` (`number`);--> statement-breakpoint
CREATE INDEX `subscriptions_customer_idx` ON `subscriptions` (`customer_id`);--> statement-breakpoint
CREATE INDEX `subscriptions_group_idx` ON `subscriptions` (`group_id`);--> statement-breakpoint
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
CREATE INDEX `structure_versions_object_idx` ON `structure_versions` (`service_object_id`,`at`);--> statement-breakpoint
ALTER TABLE `settings` ADD `rma_validity_days` integer DEFAULT 30 NOT NULL;