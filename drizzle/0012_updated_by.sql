ALTER TABLE `customers` ADD `updated_by` integer;--> statement-breakpoint
ALTER TABLE `service_objects` ADD `updated_at` integer;--> statement-breakpoint
ALTER TABLE `service_objects` ADD `updated_by` integer;--> statement-breakpoint
ALTER TABLE `service_order_lines` ADD `updated_at` integer;--> statement-breakpoint
ALTER TABLE `service_order_lines` ADD `updated_by` integer;--> statement-breakpoint
ALTER TABLE `service_orders` ADD `updated_by` integer;--> statement-breakpoint
ALTER TABLE `agreement_lines` ADD `updated_at` integer;--> statement-breakpoint
ALTER TABLE `agreement_lines` ADD `updated_by` integer;--> statement-breakpoint
ALTER TABLE `agreements` ADD `updated_by` integer;--> statement-breakpoint
ALTER TABLE `order_assignments` ADD `updated_by` integer;