CREATE TABLE `calendar_years` (
	`year` integer PRIMARY KEY NOT NULL,
	`festivals` text NOT NULL,
	`holidays` text NOT NULL,
	`workdays` text NOT NULL,
	`source` text NOT NULL,
	`notice_text` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`created_by` text,
	`updated_by` text,
	`version` integer DEFAULT 1 NOT NULL,
	`deleted_at` integer
);
--> statement-breakpoint
CREATE TABLE `deadline_moves` (
	`id` text PRIMARY KEY NOT NULL,
	`referral_id` text NOT NULL,
	`action_id` text,
	`field` text NOT NULL,
	`from_date` text NOT NULL,
	`to_date` text NOT NULL,
	`year` integer NOT NULL,
	`at` integer NOT NULL,
	`by` text,
	FOREIGN KEY (`referral_id`) REFERENCES `referrals`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`action_id`) REFERENCES `referral_actions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`by`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `deadline_moves_referral` ON `deadline_moves` (`referral_id`,`at`);