ALTER TABLE `customer_sites` ADD `latitude` real;--> statement-breakpoint
ALTER TABLE `customer_sites` ADD `longitude` real;--> statement-breakpoint
ALTER TABLE `workers` ADD `home_latitude` real;--> statement-breakpoint
ALTER TABLE `workers` ADD `home_longitude` real;