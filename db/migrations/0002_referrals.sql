CREATE TABLE `number_sequences` (
	`scope` text NOT NULL,
	`year` integer NOT NULL,
	`last` integer NOT NULL,
	PRIMARY KEY(`scope`, `year`)
);
--> statement-breakpoint
CREATE TABLE `referral_actions` (
	`id` text PRIMARY KEY NOT NULL,
	`referral_id` text NOT NULL,
	`agency` text NOT NULL,
	`carrier` text NOT NULL,
	`sent_date` text NOT NULL,
	`reply_due` text NOT NULL,
	`reply_date` text,
	`result` text,
	`follow_up_note` text,
	`withdrawn_at` integer,
	`withdraw_reason` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`created_by` text,
	`updated_by` text,
	`version` integer DEFAULT 1 NOT NULL,
	`deleted_at` integer,
	FOREIGN KEY (`referral_id`) REFERENCES `referrals`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `referral_actions_referral` ON `referral_actions` (`referral_id`);--> statement-breakpoint
CREATE INDEX `referral_actions_open_due` ON `referral_actions` (`reply_date`,`withdrawn_at`,`reply_due`);--> statement-breakpoint
CREATE INDEX `referral_actions_agency` ON `referral_actions` (`agency`);--> statement-breakpoint
CREATE TABLE `referral_children` (
	`referral_id` text NOT NULL,
	`child_id` text NOT NULL,
	FOREIGN KEY (`referral_id`) REFERENCES `referrals`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`child_id`) REFERENCES `children`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `referral_children_pk` ON `referral_children` (`referral_id`,`child_id`);--> statement-breakpoint
CREATE INDEX `referral_children_child` ON `referral_children` (`child_id`);--> statement-breakpoint
CREATE TABLE `referral_persons` (
	`referral_id` text NOT NULL,
	`person_id` text NOT NULL,
	FOREIGN KEY (`referral_id`) REFERENCES `referrals`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`person_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `referral_persons_pk` ON `referral_persons` (`referral_id`,`person_id`);--> statement-breakpoint
CREATE INDEX `referral_persons_person` ON `referral_persons` (`person_id`);--> statement-breakpoint
CREATE TABLE `referrals` (
	`id` text PRIMARY KEY NOT NULL,
	`year` integer NOT NULL,
	`seq` integer NOT NULL,
	`source_department` text NOT NULL,
	`source_case_number` text,
	`received_date` text NOT NULL,
	`received_by` text,
	`summary` text,
	`urgency` text DEFAULT 'normal' NOT NULL,
	`status` text DEFAULT 'received' NOT NULL,
	`verify_due` text NOT NULL,
	`closed_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`created_by` text,
	`updated_by` text,
	`version` integer DEFAULT 1 NOT NULL,
	`deleted_at` integer,
	FOREIGN KEY (`received_by`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `referrals_number` ON `referrals` (`year`,`seq`);--> statement-breakpoint
CREATE INDEX `referrals_status` ON `referrals` (`deleted_at`,`status`,`received_date`);--> statement-breakpoint
CREATE INDEX `referrals_received` ON `referrals` (`deleted_at`,`received_date`);--> statement-breakpoint
CREATE INDEX `referrals_department` ON `referrals` (`source_department`,`received_date`);