DROP INDEX `education_register_order`;--> statement-breakpoint
ALTER TABLE `education_register` ADD `view` text DEFAULT '' NOT NULL;--> statement-breakpoint
-- Added by hand: the stored rows' tabs, from what each row already holds (a plan's status; a row
-- that is not the JSON the app writes stays out of every tab until the next write to its child).
UPDATE `education_register` SET `view` = CASE WHEN `kind` = 'admonition' THEN 'admonitions'
  WHEN json_valid(`row`) THEN coalesce(json_extract(`row`, '$.status'), '') ELSE '' END;--> statement-breakpoint
CREATE INDEX `education_register_view` ON `education_register` (`view`,`sort_key`,`child_id`);--> statement-breakpoint
CREATE INDEX `referrals_overdue` ON `referrals` (`status`,`due`,`deleted_at`) WHERE "referrals"."deleted_at" IS NULL AND "referrals"."due" IS NOT NULL;