CREATE TABLE `reminder_dirty` (
	`child_id` text PRIMARY KEY NOT NULL
);
--> statement-breakpoint
CREATE TABLE `reminder_due` (
	`child_id` text NOT NULL,
	`owner_id` text,
	`key` text NOT NULL,
	`kind` text NOT NULL,
	`due` text NOT NULL,
	`shows_from` text NOT NULL,
	`shows_until` text NOT NULL,
	`child_name` text NOT NULL,
	`facts` text NOT NULL,
	`link` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `reminder_due_child` ON `reminder_due` (`child_id`);--> statement-breakpoint
CREATE INDEX `reminder_due_owner` ON `reminder_due` (`owner_id`,`shows_from`);