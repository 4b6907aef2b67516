CREATE TABLE `outreach_events` (
	`id` text PRIMARY KEY NOT NULL,
	`date` text NOT NULL,
	`township` text NOT NULL,
	`place_kind` text NOT NULL,
	`place_name` text NOT NULL,
	`topic` text NOT NULL,
	`title` text,
	`audience_kind` text NOT NULL,
	`audience_count` integer,
	`speakers` text NOT NULL,
	`photos` text NOT NULL,
	`note` text,
	`status` text DEFAULT 'planned' NOT NULL,
	`held_at` integer,
	`cancel_reason` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`created_by` text,
	`updated_by` text,
	`version` integer DEFAULT 1 NOT NULL,
	`deleted_at` integer
);
--> statement-breakpoint
CREATE INDEX `outreach_status_date` ON `outreach_events` (`deleted_at`,`status`,`date`);--> statement-breakpoint
CREATE INDEX `outreach_date` ON `outreach_events` (`deleted_at`,`date`);--> statement-breakpoint
CREATE TABLE `mandatory_report_actions` (
	`id` text PRIMARY KEY NOT NULL,
	`report_id` text NOT NULL,
	`date` text NOT NULL,
	`action` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`created_by` text,
	`updated_by` text,
	`version` integer DEFAULT 1 NOT NULL,
	`deleted_at` integer,
	FOREIGN KEY (`report_id`) REFERENCES `mandatory_reports`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `mandatory_report_actions_report` ON `mandatory_report_actions` (`report_id`,`date`);--> statement-breakpoint
CREATE TABLE `mandatory_report_children` (
	`report_id` text NOT NULL,
	`child_id` text NOT NULL,
	FOREIGN KEY (`report_id`) REFERENCES `mandatory_reports`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`child_id`) REFERENCES `children`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `mandatory_report_children_pk` ON `mandatory_report_children` (`report_id`,`child_id`);--> statement-breakpoint
CREATE INDEX `mandatory_report_children_child` ON `mandatory_report_children` (`child_id`);--> statement-breakpoint
CREATE TABLE `mandatory_reports` (
	`id` text PRIMARY KEY NOT NULL,
	`year` integer NOT NULL,
	`seq` integer NOT NULL,
	`reporter_unit` text NOT NULL,
	`reporter_kind` text NOT NULL,
	`reporter_name` text NOT NULL,
	`reporter_contact` text,
	`learned_date` text NOT NULL,
	`reported_date` text NOT NULL,
	`trigger` text NOT NULL,
	`situation` text NOT NULL,
	`police_station` text,
	`status` text DEFAULT 'received' NOT NULL,
	`police_case_number` text,
	`filed_date` text,
	`disposition` text,
	`handled_date` text,
	`outcome` text,
	`closed_date` text,
	`void_reason` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`created_by` text,
	`updated_by` text,
	`version` integer DEFAULT 1 NOT NULL,
	`deleted_at` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `mandatory_reports_number` ON `mandatory_reports` (`year`,`seq`);--> statement-breakpoint
CREATE INDEX `mandatory_reports_status` ON `mandatory_reports` (`deleted_at`,`status`,`reported_date`);--> statement-breakpoint
CREATE INDEX `mandatory_reports_reported` ON `mandatory_reports` (`deleted_at`,`reported_date`);