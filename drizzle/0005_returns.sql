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
ALTER TABLE `settings` ADD `rma_validity_days` integer DEFAULT 30 NOT NULL;