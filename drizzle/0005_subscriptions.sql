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
CREATE INDEX `subscriptions_group_idx` ON `subscriptions` (`group_id`);