CREATE TABLE `education_register` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`child_id` text NOT NULL,
	`sort_key` text NOT NULL,
	`row` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `education_register_order` ON `education_register` (`kind`,`sort_key`);--> statement-breakpoint
CREATE INDEX `education_register_child` ON `education_register` (`child_id`);