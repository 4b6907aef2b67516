CREATE INDEX `children_stats` ON `children` (`deleted_at`,`created_at`,`township`,`owner_id`);--> statement-breakpoint
CREATE INDEX `children_stock` ON `children` (`deleted_at`,`township`,`owner_id`,`created_at`,`closed_at`);--> statement-breakpoint
CREATE INDEX `children_group` ON `children` (`id`,`deleted_at`,`township`,`owner_id`);--> statement-breakpoint
CREATE INDEX `children_stats_defacto` ON `children` (`created_at`,`closed_at`,`township`,`owner_id`) WHERE "children"."deleted_at" IS NULL AND "children"."categories" LIKE '%"deFactoUnsupported"%';--> statement-breakpoint
CREATE INDEX `counselling_sessions_date` ON `counselling_sessions` (`date`,`deleted_at`,`child_id`);--> statement-breakpoint
CREATE INDEX `psych_assessments_date` ON `psych_assessments` (`date`,`deleted_at`,`child_id`);--> statement-breakpoint
CREATE INDEX `admonitions_date` ON `admonitions` (`date`,`deleted_at`,`child_id`);--> statement-breakpoint
CREATE INDEX `guidance_plans_group` ON `guidance_plans` (`id`,`deleted_at`,`child_id`);--> statement-breakpoint
CREATE INDEX `guidance_sessions_date` ON `guidance_sessions` (`date`,`deleted_at`,`plan_id`);--> statement-breakpoint
CREATE INDEX `orders_issue_date` ON `guardianship_orders` (`issue_date`,`deleted_at`,`withdrawn_at`,`child_id`);--> statement-breakpoint
CREATE INDEX `orders_closed_at` ON `guardianship_orders` (`closed_at`,`status`,`deleted_at`,`child_id`,`outcome`);--> statement-breakpoint
CREATE INDEX `referral_actions_sent` ON `referral_actions` (`sent_date`,`deleted_at`,`withdrawn_at`,`referral_id`,`agency`);--> statement-breakpoint
CREATE INDEX `referrals_stats` ON `referrals` (`received_date`,`deleted_at`,`received_by`);--> statement-breakpoint
CREATE INDEX `referrals_group` ON `referrals` (`id`,`deleted_at`,`received_by`);--> statement-breakpoint
CREATE INDEX `visits_date` ON `visits` (`date`,`status`,`deleted_at`,`child_id`);