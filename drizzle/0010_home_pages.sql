ALTER TABLE `settings` ADD `first_time_fix_days` integer DEFAULT 30 NOT NULL;--> statement-breakpoint
CREATE INDEX `service_orders_open_stage_idx` ON `service_orders` (`progress`,`is_template`,`stage_id`);--> statement-breakpoint
CREATE INDEX `service_orders_closed_idx` ON `service_orders` (`progress`,(case when "actual_end" is null then "planned_end" else "actual_end" end));