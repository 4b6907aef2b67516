CREATE TABLE `attachment_chunks` (
	`attachment_id` text NOT NULL,
	`part` integer NOT NULL,
	`seq` integer NOT NULL,
	`data` blob NOT NULL,
	PRIMARY KEY(`attachment_id`, `part`, `seq`),
	FOREIGN KEY (`attachment_id`) REFERENCES `attachments`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `attachments` (
	`id` text PRIMARY KEY NOT NULL,
	`child_id` text,
	`record_kind` text NOT NULL,
	`record_id` text NOT NULL,
	`kind` text NOT NULL,
	`title` text NOT NULL,
	`file_name` text NOT NULL,
	`file_type` text NOT NULL,
	`bytes` integer NOT NULL,
	`sha256` text NOT NULL,
	`thumbnail_bytes` integer DEFAULT 0 NOT NULL,
	`sealed_key` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`created_by` text,
	`updated_by` text,
	`version` integer DEFAULT 1 NOT NULL,
	`deleted_at` integer,
	FOREIGN KEY (`child_id`) REFERENCES `children`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `attachments_record` ON `attachments` (`record_kind`,`record_id`,`deleted_at`);--> statement-breakpoint
CREATE INDEX `attachments_child` ON `attachments` (`child_id`,`deleted_at`);--> statement-breakpoint
CREATE INDEX `attachments_deleted` ON `attachments` (`deleted_at`);