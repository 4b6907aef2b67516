CREATE TABLE `ledger_imports` (
	`id` text PRIMARY KEY NOT NULL,
	`file_name` text NOT NULL,
	`file_hash` text NOT NULL,
	`sheet` text NOT NULL,
	`header_row` integer NOT NULL,
	`counts` text NOT NULL,
	`skipped` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`created_by` text,
	`updated_by` text,
	`version` integer DEFAULT 1 NOT NULL,
	`deleted_at` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `ledger_imports_hash` ON `ledger_imports` (`file_hash`,`sheet`);--> statement-breakpoint
CREATE INDEX `ledger_imports_created` ON `ledger_imports` (`created_at`);--> statement-breakpoint
CREATE TABLE `ledger_mappings` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`headers` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`created_by` text,
	`updated_by` text,
	`version` integer DEFAULT 1 NOT NULL,
	`deleted_at` integer
);
