ALTER TABLE `settings` ADD `session_idle_hours` integer DEFAULT 12 NOT NULL;--> statement-breakpoint
ALTER TABLE `users` ADD `security_stamp` integer DEFAULT 0 NOT NULL;