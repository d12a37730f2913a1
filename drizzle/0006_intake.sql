ALTER TABLE `service_objects` ADD `warranty_start` text;--> statement-breakpoint
ALTER TABLE `settings` ADD `sla_on_generated_orders` integer DEFAULT true NOT NULL;