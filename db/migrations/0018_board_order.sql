DROP INDEX `reminder_due_owner`;--> statement-breakpoint
ALTER TABLE `reminder_due` ADD `priority` integer DEFAULT 9 NOT NULL;--> statement-breakpoint
ALTER TABLE `reminder_due` ADD `sort_name` text DEFAULT '' NOT NULL;--> statement-breakpoint
CREATE INDEX `reminder_due_owner_priority` ON `reminder_due` (`owner_id`,`priority`,`due`,`sort_name`,`key`);--> statement-breakpoint
CREATE INDEX `reminder_due_owner_date` ON `reminder_due` (`owner_id`,`due`,`priority`,`sort_name`,`key`);--> statement-breakpoint
CREATE INDEX `reminder_due_priority` ON `reminder_due` (`priority`,`due`,`sort_name`,`key`);--> statement-breakpoint
CREATE INDEX `reminder_due_date` ON `reminder_due` (`due`,`priority`,`sort_name`,`key`);--> statement-breakpoint
CREATE INDEX `reminder_due_key` ON `reminder_due` (`key`);