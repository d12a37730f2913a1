ALTER TABLE `settings` ADD `language` text DEFAULT 'et' NOT NULL;--> statement-breakpoint
ALTER TABLE `users` ADD `language` text DEFAULT 'et' NOT NULL;--> statement-breakpoint
ALTER TABLE `users` ADD `csv_dialect` text DEFAULT 'spreadsheet' NOT NULL;