CREATE TABLE `accounts` (
	`id` text PRIMARY KEY NOT NULL,
	`username` text NOT NULL,
	`display_name` text NOT NULL,
	`role` text NOT NULL,
	`disabled_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`created_by` text,
	`updated_by` text,
	`version` integer DEFAULT 1 NOT NULL,
	`deleted_at` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `accounts_username_unique` ON `accounts` (`username`);--> statement-breakpoint
CREATE TABLE `audit_head` (
	`id` integer PRIMARY KEY NOT NULL,
	`seq` integer NOT NULL,
	`hash` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `audit_log` (
	`seq` integer PRIMARY KEY NOT NULL,
	`id` text NOT NULL,
	`at` integer NOT NULL,
	`actor_id` text,
	`actor_name` text NOT NULL,
	`action` text NOT NULL,
	`entity` text,
	`entity_id` text,
	`detail` text NOT NULL,
	`prev_hash` text NOT NULL,
	`hash` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `audit_log_id_unique` ON `audit_log` (`id`);--> statement-breakpoint
CREATE INDEX `audit_log_at` ON `audit_log` (`at`);--> statement-breakpoint
CREATE INDEX `audit_log_action_at` ON `audit_log` (`action`,`at`);--> statement-breakpoint
CREATE INDEX `audit_log_actor_at` ON `audit_log` (`actor_id`,`at`);--> statement-breakpoint
CREATE INDEX `audit_log_entity` ON `audit_log` (`entity`,`entity_id`);--> statement-breakpoint
CREATE TABLE `child_relations` (
	`id` text PRIMARY KEY NOT NULL,
	`child_id` text NOT NULL,
	`person_id` text NOT NULL,
	`relation` text NOT NULL,
	`is_guardian` integer DEFAULT false NOT NULL,
	`is_caregiver` integer DEFAULT false NOT NULL,
	`note` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`created_by` text,
	`updated_by` text,
	`version` integer DEFAULT 1 NOT NULL,
	`deleted_at` integer,
	FOREIGN KEY (`child_id`) REFERENCES `children`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`person_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `child_relations_child` ON `child_relations` (`child_id`);--> statement-breakpoint
CREATE INDEX `child_relations_person` ON `child_relations` (`person_id`);--> statement-breakpoint
CREATE TABLE `child_search_keys` (
	`key` text NOT NULL,
	`child_id` text NOT NULL,
	PRIMARY KEY(`key`, `child_id`),
	FOREIGN KEY (`child_id`) REFERENCES `children`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `child_search_keys_child` ON `child_search_keys` (`child_id`);--> statement-breakpoint
CREATE TABLE `children` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`name_pinyin` text DEFAULT '' NOT NULL,
	`gender` text NOT NULL,
	`birth_date` text NOT NULL,
	`id_number` text,
	`ethnicity` text,
	`household_address` text,
	`current_address` text,
	`township` text NOT NULL,
	`village` text,
	`school` text,
	`grade` text,
	`boarding` integer,
	`health_notes` text,
	`disability_notes` text,
	`categories` text DEFAULT '[]' NOT NULL,
	`guardianship_situation` text,
	`guardianship_note` text,
	`caregiver_person_id` text,
	`risk_level` text DEFAULT 'green' NOT NULL,
	`risk_reason` text,
	`needs` text DEFAULT '{}' NOT NULL,
	`status` text DEFAULT 'active' NOT NULL,
	`close_reason` text,
	`close_note` text,
	`closed_at` integer,
	`owner_id` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`created_by` text,
	`updated_by` text,
	`version` integer DEFAULT 1 NOT NULL,
	`deleted_at` integer,
	FOREIGN KEY (`caregiver_person_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`owner_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `children_id_number` ON `children` (`id_number`) WHERE "children"."id_number" IS NOT NULL AND "children"."deleted_at" IS NULL;--> statement-breakpoint
CREATE INDEX `children_created` ON `children` (`deleted_at`,`created_at`);--> statement-breakpoint
CREATE INDEX `children_name` ON `children` (`name`,`birth_date`);--> statement-breakpoint
CREATE INDEX `children_pinyin` ON `children` (`deleted_at`,`name_pinyin`);--> statement-breakpoint
CREATE INDEX `children_pinyin_birth` ON `children` (`name_pinyin`,`birth_date`);--> statement-breakpoint
CREATE INDEX `children_status` ON `children` (`deleted_at`,`status`,`name_pinyin`);--> statement-breakpoint
CREATE INDEX `children_township` ON `children` (`deleted_at`,`township`,`name_pinyin`);--> statement-breakpoint
CREATE INDEX `children_owner` ON `children` (`deleted_at`,`owner_id`,`name_pinyin`);--> statement-breakpoint
CREATE INDEX `children_risk` ON `children` (`deleted_at`,`risk_level`,`name_pinyin`);--> statement-breakpoint
CREATE INDEX `children_birth` ON `children` (`deleted_at`,`birth_date`);--> statement-breakpoint
CREATE TABLE `custody_records` (
	`id` text PRIMARY KEY NOT NULL,
	`person_id` text NOT NULL,
	`measure` text NOT NULL,
	`facility` text,
	`case_number` text,
	`charge` text,
	`start_date` text NOT NULL,
	`expected_release` text,
	`actual_release` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`created_by` text,
	`updated_by` text,
	`version` integer DEFAULT 1 NOT NULL,
	`deleted_at` integer,
	FOREIGN KEY (`person_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `custody_person` ON `custody_records` (`person_id`);--> statement-breakpoint
CREATE INDEX `custody_expected_release` ON `custody_records` (`expected_release`);--> statement-breakpoint
CREATE TABLE `persons` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`gender` text,
	`id_number` text,
	`phone` text,
	`address` text,
	`occupation` text,
	`deceased_on` text,
	`missing_since` text,
	`severe_disability` integer DEFAULT false NOT NULL,
	`severe_illness` integer DEFAULT false NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`created_by` text,
	`updated_by` text,
	`version` integer DEFAULT 1 NOT NULL,
	`deleted_at` integer
);
--> statement-breakpoint
CREATE INDEX `persons_name` ON `persons` (`name`);--> statement-breakpoint
CREATE UNIQUE INDEX `persons_id_number` ON `persons` (`id_number`) WHERE "persons"."id_number" IS NOT NULL AND "persons"."deleted_at" IS NULL;--> statement-breakpoint
CREATE TABLE `settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL,
	`updated_at` integer NOT NULL,
	`updated_by` text,
	`version` integer DEFAULT 1 NOT NULL
);
