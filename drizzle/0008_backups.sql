CREATE TABLE `backup_runs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`at` integer NOT NULL,
	`file` text NOT NULL,
	`size` integer,
	`verified` integer NOT NULL,
	`problem` text DEFAULT '' NOT NULL,
	`problem_params` text DEFAULT '{}' NOT NULL
);
--> statement-breakpoint
CREATE TABLE `backup_settings` (
	`id` integer PRIMARY KEY NOT NULL,
	`enabled` integer NOT NULL,
	`folder` text NOT NULL,
	`daily_at` text NOT NULL,
	`keep_daily` integer NOT NULL,
	`keep_weekly` integer NOT NULL,
	`since` integer NOT NULL,
	`version` integer DEFAULT 1 NOT NULL
);
