CREATE INDEX `children_stats` ON `children` (`deleted_at`,`created_at`,`township`,`owner_id`);--> statement-breakpoint
CREATE INDEX `children_stock` ON `children` (`deleted_at`,`township`,`owner_id`,`created_at`,`closed_at`);--> statement-breakpoint
CREATE INDEX `children_stats_defacto` ON `children` (`created_at`,`closed_at`,`township`,`owner_id`) WHERE "children"."deleted_at" IS NULL AND "children"."categories" LIKE '%"deFactoUnsupported"%';--> statement-breakpoint
CREATE INDEX `counselling_sessions_date` ON `counselling_sessions` (`date`);--> statement-breakpoint
CREATE INDEX `psych_assessments_date` ON `psych_assessments` (`date`);--> statement-breakpoint
CREATE INDEX `admonitions_date` ON `admonitions` (`date`);--> statement-breakpoint
CREATE INDEX `guidance_sessions_date` ON `guidance_sessions` (`date`);--> statement-breakpoint
CREATE INDEX `orders_issue_date` ON `guardianship_orders` (`issue_date`);--> statement-breakpoint
CREATE INDEX `orders_closed_at` ON `guardianship_orders` (`closed_at`);--> statement-breakpoint
CREATE INDEX `referral_actions_sent` ON `referral_actions` (`sent_date`);--> statement-breakpoint
CREATE INDEX `visits_date` ON `visits` (`date`);