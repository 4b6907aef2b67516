CREATE TABLE `counselling_sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`child_id` text NOT NULL,
	`date` text NOT NULL,
	`institution` text NOT NULL,
	`counsellor` text NOT NULL,
	`minutes` integer NOT NULL,
	`summary` text NOT NULL,
	`next_follow_up` text,
	`crisis` integer DEFAULT false NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`created_by` text,
	`updated_by` text,
	`version` integer DEFAULT 1 NOT NULL,
	`deleted_at` integer,
	FOREIGN KEY (`child_id`) REFERENCES `children`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `counselling_sessions_child` ON `counselling_sessions` (`child_id`,`date`);--> statement-breakpoint
CREATE INDEX `counselling_sessions_next` ON `counselling_sessions` (`next_follow_up`);--> statement-breakpoint
CREATE TABLE `psych_assessments` (
	`id` text PRIMARY KEY NOT NULL,
	`child_id` text NOT NULL,
	`date` text NOT NULL,
	`instrument` text NOT NULL,
	`score` text,
	`risk_level` text NOT NULL,
	`guardian_consent` integer NOT NULL,
	`child_consent` integer NOT NULL,
	`assessor` text NOT NULL,
	`notes` text,
	`crisis` integer DEFAULT false NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`created_by` text,
	`updated_by` text,
	`version` integer DEFAULT 1 NOT NULL,
	`deleted_at` integer,
	FOREIGN KEY (`child_id`) REFERENCES `children`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `psych_assessments_child` ON `psych_assessments` (`child_id`,`date`);--> statement-breakpoint
CREATE TABLE `treatment_referrals` (
	`id` text PRIMARY KEY NOT NULL,
	`child_id` text NOT NULL,
	`date` text NOT NULL,
	`institution` text NOT NULL,
	`reason` text NOT NULL,
	`outcome` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`created_by` text,
	`updated_by` text,
	`version` integer DEFAULT 1 NOT NULL,
	`deleted_at` integer,
	FOREIGN KEY (`child_id`) REFERENCES `children`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `treatment_referrals_child` ON `treatment_referrals` (`child_id`,`date`);--> statement-breakpoint
CREATE TABLE `reminder_snoozes` (
	`key` text PRIMARY KEY NOT NULL,
	`until` text NOT NULL,
	`reason` text NOT NULL,
	`created_at` integer NOT NULL,
	`created_by` text
);
--> statement-breakpoint
CREATE INDEX `reminder_snoozes_until` ON `reminder_snoozes` (`until`);--> statement-breakpoint
CREATE TABLE `visits` (
	`id` text PRIMARY KEY NOT NULL,
	`child_id` text NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`date` text,
	`kind` text,
	`place` text,
	`visitors` text,
	`persons_met` text,
	`findings` text DEFAULT '{}' NOT NULL,
	`needs_found` text DEFAULT '[]' NOT NULL,
	`actions_agreed` text,
	`next_visit_date` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`created_by` text,
	`updated_by` text,
	`version` integer DEFAULT 1 NOT NULL,
	`deleted_at` integer,
	FOREIGN KEY (`child_id`) REFERENCES `children`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `visits_child` ON `visits` (`child_id`,`status`,`date`);--> statement-breakpoint
CREATE INDEX `visits_next` ON `visits` (`status`,`next_visit_date`);--> statement-breakpoint
CREATE INDEX `visits_drafts` ON `visits` (`status`,`created_by`);