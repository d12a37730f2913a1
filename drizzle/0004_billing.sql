CREATE TABLE `bank_entries` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`statement_id` integer NOT NULL,
	`entry_ref` text NOT NULL,
	`booking_date` text NOT NULL,
	`amount` integer NOT NULL,
	`currency` text NOT NULL,
	`debtor_name` text DEFAULT '' NOT NULL,
	`reference_number` text DEFAULT '' NOT NULL,
	`remittance` text DEFAULT '' NOT NULL,
	`status` text NOT NULL,
	`matched_by` text,
	`invoice_id` integer,
	`payment_id` integer,
	FOREIGN KEY (`statement_id`) REFERENCES `bank_statements`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`invoice_id`) REFERENCES `invoices`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`payment_id`) REFERENCES `payments`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "bank_entries_status_check" CHECK("bank_entries"."status" in ('matched','ambiguous','unmatched','confirmed','ignored'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `bank_entries_entry_ref_unique` ON `bank_entries` (`entry_ref`);--> statement-breakpoint
CREATE INDEX `bank_entries_statement_idx` ON `bank_entries` (`statement_id`);--> statement-breakpoint
CREATE TABLE `bank_statements` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`statement_id` text NOT NULL,
	`iban` text DEFAULT '' NOT NULL,
	`file_name` text DEFAULT '' NOT NULL,
	`created_at` integer NOT NULL,
	`imported_by` integer,
	FOREIGN KEY (`imported_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `payments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`invoice_id` integer NOT NULL,
	`date` text NOT NULL,
	`amount` integer NOT NULL,
	`method` text DEFAULT 'bank' NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`bank_entry_id` integer,
	`created_at` integer NOT NULL,
	`created_by` integer,
	FOREIGN KEY (`invoice_id`) REFERENCES `invoices`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "payments_method_check" CHECK("payments"."method" in ('bank','cash','card','other'))
);
--> statement-breakpoint
CREATE INDEX `payments_invoice_idx` ON `payments` (`invoice_id`);--> statement-breakpoint
DROP INDEX `invoices_credit_of_idx`;--> statement-breakpoint
ALTER TABLE `invoices` ADD `reference_number` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `invoices` ADD `reverse_charge` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `invoices` ADD `note` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `invoices` ADD `paid_total` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `invoices` ADD `credited_total` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX `invoices_date_idx` ON `invoices` (`invoice_date`);--> statement-breakpoint
CREATE INDEX `invoices_reference_idx` ON `invoices` (`reference_number`);--> statement-breakpoint
CREATE INDEX `invoices_credit_of_idx` ON `invoices` (`credit_of_id`);--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_invoice_lines` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`invoice_id` integer NOT NULL,
	`source` text DEFAULT 'orderLine' NOT NULL,
	`order_line_id` integer,
	`subscription_fee_id` integer,
	`return_line_id` integer,
	`credited_line_id` integer,
	`order_number` text DEFAULT '' NOT NULL,
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
	FOREIGN KEY (`order_line_id`) REFERENCES `service_order_lines`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`credited_line_id`) REFERENCES `invoice_lines`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "invoice_lines_source_check" CHECK("__new_invoice_lines"."source" in ('orderLine','subscriptionFee','returnLine','manual'))
);
--> statement-breakpoint
INSERT INTO `__new_invoice_lines`("id", "invoice_id", "source", "order_line_id", "subscription_fee_id", "return_line_id", "credited_line_id", "order_number", "type", "description", "quantity", "unit", "unit_price", "net_amount", "vat_code", "vat_rate", "vat_amount") SELECT "id", "invoice_id", 'orderLine', "order_line_id", NULL, NULL, NULL, "order_number", "type", "description", "quantity", "unit", "unit_price", "net_amount", "vat_code", "vat_rate", "vat_amount" FROM `invoice_lines`;--> statement-breakpoint
DROP TABLE `invoice_lines`;--> statement-breakpoint
ALTER TABLE `__new_invoice_lines` RENAME TO `invoice_lines`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `invoice_lines_invoice_idx` ON `invoice_lines` (`invoice_id`);--> statement-breakpoint
CREATE INDEX `invoice_lines_order_line_idx` ON `invoice_lines` (`order_line_id`);--> statement-breakpoint
CREATE INDEX `invoice_lines_credited_idx` ON `invoice_lines` (`credited_line_id`);--> statement-breakpoint
ALTER TABLE `customers` ADD `registry_code` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `customers` ADD `country` text DEFAULT 'EE' NOT NULL;--> statement-breakpoint
ALTER TABLE `customers` ADD `payment_terms_days` integer;--> statement-breakpoint
ALTER TABLE `customers` ADD `invoice_email` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `customers` ADD `einvoice_address` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `settings` ADD `company_legal_name` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `settings` ADD `company_postal_code` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `settings` ADD `company_city` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `settings` ADD `company_country` text DEFAULT 'EE' NOT NULL;--> statement-breakpoint
ALTER TABLE `settings` ADD `company_phone` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `settings` ADD `company_email` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `settings` ADD `company_web` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `settings` ADD `bank_accounts` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `settings` ADD `payment_terms_days` integer DEFAULT 14 NOT NULL;--> statement-breakpoint
ALTER TABLE `settings` ADD `invoice_footer` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `settings` ADD `logo` text DEFAULT '' NOT NULL;;--> statement-breakpoint
-- A first-release credit note copied every line of the invoice it reversed: each of its lines credits the
-- invoice line of the same service order line.
UPDATE `invoice_lines` SET `credited_line_id` = (
  SELECT o.`id` FROM `invoice_lines` o JOIN `invoices` c ON c.`id` = `invoice_lines`.`invoice_id`
  WHERE o.`invoice_id` = c.`credit_of_id` AND o.`order_line_id` = `invoice_lines`.`order_line_id`
) WHERE `invoice_id` IN (SELECT `id` FROM `invoices` WHERE `kind` = 'credit');--> statement-breakpoint
UPDATE `invoices` SET `credited_total` = (
  SELECT coalesce(-sum(c.`gross_total`), 0) FROM `invoices` c WHERE c.`credit_of_id` = `invoices`.`id`
) WHERE `kind` = 'invoice';--> statement-breakpoint
-- Reference numbers of existing invoices, as shared/domain/referenceNumber.ts makes them: the digits of
-- the invoice number without leading zeros (the row id when it has none), then the 7-3-1 check digit.
WITH RECURSIVE
  chars(id, rest, digits) AS (
    SELECT `id`, `number`, '' FROM `invoices` WHERE `kind` = 'invoice'
    UNION ALL
    SELECT id, substr(rest, 2), digits || CASE WHEN substr(rest, 1, 1) GLOB '[0-9]' THEN substr(rest, 1, 1) ELSE '' END
    FROM chars WHERE rest <> ''
  ),
  base(id, b) AS (
    SELECT id, CASE WHEN ltrim(digits, '0') = '' THEN CAST(id AS TEXT) ELSE substr(ltrim(digits, '0'), 1, 19) END FROM chars WHERE rest = ''
  ),
  weighed(id, b, pos, s) AS (
    SELECT id, b, 0, 0 FROM base
    UNION ALL
    SELECT id, b, pos + 1, s + CAST(substr(b, length(b) - pos, 1) AS INTEGER) * (CASE pos % 3 WHEN 0 THEN 7 WHEN 1 THEN 3 ELSE 1 END)
    FROM weighed WHERE pos < length(b)
  )
UPDATE `invoices` SET `reference_number` = w.b || ((10 - w.s % 10) % 10)
FROM weighed w WHERE w.id = `invoices`.`id` AND w.pos = length(w.b);