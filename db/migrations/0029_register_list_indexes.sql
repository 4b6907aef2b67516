DROP INDEX `outreach_status_date`;--> statement-breakpoint
DROP INDEX `outreach_date`;--> statement-breakpoint
CREATE INDEX `outreach_status_date` ON `outreach_events` (`deleted_at`,`status`,`date`,`created_at`,`topic`,`township`,`audience_count`);--> statement-breakpoint
CREATE INDEX `outreach_date` ON `outreach_events` (`deleted_at`,`date`,`created_at`,`topic`,`township`);--> statement-breakpoint
DROP INDEX `relief_list`;--> statement-breakpoint
DROP INDEX `relief_updated`;--> statement-breakpoint
CREATE INDEX `relief_list` ON `judicial_relief` (`deleted_at`,`status`,`updated_at`,`application_date`,`amount_fen`);--> statement-breakpoint
CREATE INDEX `relief_updated` ON `judicial_relief` (`deleted_at`,`updated_at`,`status`,`application_date`);--> statement-breakpoint
DROP INDEX `mandatory_reports_status`;--> statement-breakpoint
DROP INDEX `mandatory_reports_reported`;--> statement-breakpoint
CREATE INDEX `mandatory_reports_status` ON `mandatory_reports` (`deleted_at`,`status`,`reported_date`,`seq`,`trigger`);--> statement-breakpoint
CREATE INDEX `mandatory_reports_reported` ON `mandatory_reports` (`deleted_at`,`reported_date`,`seq`,`status`,`trigger`);--> statement-breakpoint
DROP INDEX `suits_list`;--> statement-breakpoint
DROP INDEX `suits_updated`;--> statement-breakpoint
CREATE INDEX `suits_list` ON `suit_supports` (`deleted_at`,`status`,`updated_at`,`kind`);--> statement-breakpoint
CREATE INDEX `suits_updated` ON `suit_supports` (`deleted_at`,`updated_at`,`status`,`kind`);