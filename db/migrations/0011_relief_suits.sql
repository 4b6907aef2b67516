CREATE TABLE `judicial_relief` (
	`id` text PRIMARY KEY NOT NULL,
	`child_id` text NOT NULL,
	`applicant_name` text NOT NULL,
	`applicant_relation` text NOT NULL,
	`applicant_phone` text,
	`application_date` text NOT NULL,
	`case_number` text,
	`reasons` text NOT NULL,
	`materials` text NOT NULL,
	`requested_fen` integer,
	`status` text DEFAULT 'applied' NOT NULL,
	`review_note` text,
	`review_started_at` integer,
	`decision_date` text,
	`amount_fen` integer,
	`decision_reason` text,
	`ceiling_fen` integer,
	`over_ceiling` integer,
	`decided_by` text,
	`decided_at` integer,
	`paid_date` text,
	`paid_at` integer,
	`account_holders` text,
	`bank` text,
	`account_tail` text,
	`account_supervisor` text,
	`return_visit_date` text,
	`return_visit_method` text,
	`return_visit_findings` text,
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
	FOREIGN KEY (`decided_by`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `relief_child` ON `judicial_relief` (`child_id`);--> statement-breakpoint
CREATE INDEX `relief_list` ON `judicial_relief` (`deleted_at`,`status`,`updated_at`);--> statement-breakpoint
CREATE INDEX `relief_updated` ON `judicial_relief` (`deleted_at`,`updated_at`);--> statement-breakpoint
CREATE INDEX `relief_decision_date` ON `judicial_relief` (`deleted_at`,`decision_date`);--> statement-breakpoint
CREATE INDEX `relief_paid_date` ON `judicial_relief` (`deleted_at`,`paid_date`);--> statement-breakpoint
CREATE INDEX `relief_application_date` ON `judicial_relief` (`deleted_at`,`application_date`);--> statement-breakpoint
CREATE TABLE `suit_supports` (
	`id` text PRIMARY KEY NOT NULL,
	`child_id` text NOT NULL,
	`order_id` text,
	`plan_id` text,
	`kind` text NOT NULL,
	`grounds` text NOT NULL,
	`grounds_text` text,
	`respondent_ids` text NOT NULL,
	`applicant_kind` text NOT NULL,
	`applicant_name` text,
	`applicant_contact` text,
	`documents` text NOT NULL,
	`facts` text NOT NULL,
	`opinion` text,
	`status` text DEFAULT 'draft' NOT NULL,
	`year` integer,
	`seq` integer,
	`prefix` text,
	`issue_date` text,
	`issued_by` text,
	`issued_at` integer,
	`filed_at` integer,
	`court` text,
	`filed_date` text,
	`court_case_number` text,
	`decision` text,
	`decision_date` text,
	`new_guardian_name` text,
	`new_guardian_kind` text,
	`decision_note` text,
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
	FOREIGN KEY (`order_id`) REFERENCES `guardianship_orders`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`plan_id`) REFERENCES `guidance_plans`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`issued_by`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `suits_number` ON `suit_supports` (`year`,`seq`);--> statement-breakpoint
CREATE INDEX `suits_child` ON `suit_supports` (`child_id`);--> statement-breakpoint
CREATE INDEX `suits_order` ON `suit_supports` (`order_id`);--> statement-breakpoint
CREATE INDEX `suits_list` ON `suit_supports` (`deleted_at`,`status`,`updated_at`);--> statement-breakpoint
CREATE INDEX `suits_updated` ON `suit_supports` (`deleted_at`,`updated_at`);--> statement-breakpoint
CREATE INDEX `suits_issue_date` ON `suit_supports` (`deleted_at`,`issue_date`);--> statement-breakpoint
CREATE INDEX `suits_filed_date` ON `suit_supports` (`deleted_at`,`filed_date`);--> statement-breakpoint
CREATE INDEX `suits_decision_date` ON `suit_supports` (`deleted_at`,`decision_date`);