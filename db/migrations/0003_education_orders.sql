CREATE TABLE `admonitions` (
	`id` text PRIMARY KEY NOT NULL,
	`child_id` text NOT NULL,
	`guardian_person_id` text NOT NULL,
	`date` text NOT NULL,
	`place` text NOT NULL,
	`reason` text NOT NULL,
	`delivered_by` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`created_by` text,
	`updated_by` text,
	`version` integer DEFAULT 1 NOT NULL,
	`deleted_at` integer,
	FOREIGN KEY (`child_id`) REFERENCES `children`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`guardian_person_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `admonitions_child` ON `admonitions` (`child_id`,`date`);--> statement-breakpoint
CREATE TABLE `guidance_plans` (
	`id` text PRIMARY KEY NOT NULL,
	`child_id` text NOT NULL,
	`kind` text NOT NULL,
	`assessment_date` text,
	`willingness` text,
	`ability` text,
	`relationship` text,
	`assessment_note` text,
	`provider` text,
	`start_date` text,
	`end_date` text,
	`sessions_per_month` integer DEFAULT 1 NOT NULL,
	`min_minutes` integer DEFAULT 40 NOT NULL,
	`status` text DEFAULT 'assessing' NOT NULL,
	`final_evaluation` text,
	`final_result` text,
	`completed_date` text,
	`suspend_reason` text,
	`source_order_id` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`created_by` text,
	`updated_by` text,
	`version` integer DEFAULT 1 NOT NULL,
	`deleted_at` integer,
	FOREIGN KEY (`child_id`) REFERENCES `children`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `guidance_plans_child` ON `guidance_plans` (`child_id`);--> statement-breakpoint
CREATE INDEX `guidance_plans_status` ON `guidance_plans` (`deleted_at`,`status`);--> statement-breakpoint
CREATE TABLE `guidance_sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`plan_id` text NOT NULL,
	`date` text NOT NULL,
	`mode` text NOT NULL,
	`minutes` integer NOT NULL,
	`attendees` text NOT NULL,
	`instructor` text NOT NULL,
	`content` text NOT NULL,
	`homework` text,
	`evaluation` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`created_by` text,
	`updated_by` text,
	`version` integer DEFAULT 1 NOT NULL,
	`deleted_at` integer,
	FOREIGN KEY (`plan_id`) REFERENCES `guidance_plans`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `guidance_sessions_plan` ON `guidance_sessions` (`plan_id`,`date`);--> statement-breakpoint
CREATE TABLE `plan_guardians` (
	`plan_id` text NOT NULL,
	`person_id` text NOT NULL,
	FOREIGN KEY (`plan_id`) REFERENCES `guidance_plans`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`person_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `plan_guardians_plan` ON `plan_guardians` (`plan_id`);--> statement-breakpoint
CREATE TABLE `follow_ups` (
	`id` text PRIMARY KEY NOT NULL,
	`subject_type` text NOT NULL,
	`subject_id` text NOT NULL,
	`date` text NOT NULL,
	`method` text NOT NULL,
	`findings` text NOT NULL,
	`compliance` text,
	`next_date` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`created_by` text,
	`updated_by` text,
	`version` integer DEFAULT 1 NOT NULL,
	`deleted_at` integer
);
--> statement-breakpoint
CREATE INDEX `follow_ups_subject` ON `follow_ups` (`subject_type`,`subject_id`,`date`);--> statement-breakpoint
CREATE TABLE `requirements` (
	`id` text PRIMARY KEY NOT NULL,
	`subject_type` text NOT NULL,
	`subject_id` text NOT NULL,
	`text` text NOT NULL,
	`due_date` text,
	`status` text DEFAULT 'pending' NOT NULL,
	`note` text,
	`sort_order` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`created_by` text,
	`updated_by` text,
	`version` integer DEFAULT 1 NOT NULL,
	`deleted_at` integer
);
--> statement-breakpoint
CREATE INDEX `requirements_subject` ON `requirements` (`subject_type`,`subject_id`);--> statement-breakpoint
CREATE INDEX `requirements_due` ON `requirements` (`status`,`due_date`);--> statement-breakpoint
CREATE TABLE `guardianship_orders` (
	`id` text PRIMARY KEY NOT NULL,
	`child_id` text NOT NULL,
	`year` integer,
	`seq` integer,
	`prefix` text,
	`case_number` text,
	`facts` text NOT NULL,
	`problems` text NOT NULL,
	`problems_other` text,
	`legal_basis` text NOT NULL,
	`consequences` text NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`submitted_at` integer,
	`reject_note` text,
	`approved_by` text,
	`approved_at` integer,
	`issue_date` text,
	`delivery_method` text,
	`delivery_date` text,
	`guardian_signed` integer,
	`observation_start` text,
	`observation_end` text,
	`evaluation` text,
	`evaluation_note` text,
	`evaluated_at` integer,
	`outcome` text,
	`outcome_plan_id` text,
	`closed_at` integer,
	`withdrawn_at` integer,
	`withdraw_reason` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`created_by` text,
	`updated_by` text,
	`version` integer DEFAULT 1 NOT NULL,
	`deleted_at` integer,
	FOREIGN KEY (`child_id`) REFERENCES `children`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`approved_by`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `orders_number` ON `guardianship_orders` (`year`,`seq`);--> statement-breakpoint
CREATE INDEX `orders_child` ON `guardianship_orders` (`child_id`);--> statement-breakpoint
CREATE INDEX `orders_status` ON `guardianship_orders` (`deleted_at`,`status`);--> statement-breakpoint
CREATE INDEX `orders_observation_end` ON `guardianship_orders` (`status`,`observation_end`);--> statement-breakpoint
CREATE TABLE `order_guardians` (
	`order_id` text NOT NULL,
	`person_id` text NOT NULL,
	`relation` text NOT NULL,
	FOREIGN KEY (`order_id`) REFERENCES `guardianship_orders`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`person_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `order_guardians_pk` ON `order_guardians` (`order_id`,`person_id`);--> statement-breakpoint
CREATE INDEX `order_guardians_person` ON `order_guardians` (`person_id`);