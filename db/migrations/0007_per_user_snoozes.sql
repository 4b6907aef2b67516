PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_reminder_snoozes` (
	`key` text NOT NULL,
	`user_id` text NOT NULL,
	`until` text NOT NULL,
	`reason` text NOT NULL,
	`created_at` integer NOT NULL,
	`created_by` text,
	PRIMARY KEY(`user_id`, `key`)
);
--> statement-breakpoint
INSERT INTO `__new_reminder_snoozes`("key", "user_id", "until", "reason", "created_at", "created_by") SELECT "key", coalesce("created_by", ''), "until", "reason", "created_at", "created_by" FROM `reminder_snoozes`;--> statement-breakpoint
DROP TABLE `reminder_snoozes`;--> statement-breakpoint
ALTER TABLE `__new_reminder_snoozes` RENAME TO `reminder_snoozes`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `reminder_snoozes_until` ON `reminder_snoozes` (`until`);