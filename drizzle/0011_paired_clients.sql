CREATE TABLE `paired_clients` (
	`id` text PRIMARY KEY NOT NULL,
	`machine` text NOT NULL,
	`key_hash` text NOT NULL,
	`created_at` integer NOT NULL,
	`last_seen_at` integer,
	`revoked_at` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `paired_clients_key_hash_unique` ON `paired_clients` (`key_hash`);