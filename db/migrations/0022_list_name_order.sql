DROP INDEX `children_pinyin`;--> statement-breakpoint
DROP INDEX `children_status`;--> statement-breakpoint
DROP INDEX `children_township`;--> statement-breakpoint
DROP INDEX `children_owner`;--> statement-breakpoint
CREATE INDEX `children_pinyin` ON `children` (`deleted_at`,`name_pinyin`,`name`,`id`);--> statement-breakpoint
CREATE INDEX `children_status` ON `children` (`deleted_at`,`status`,`name_pinyin`,`name`,`id`);--> statement-breakpoint
CREATE INDEX `children_township` ON `children` (`deleted_at`,`township`,`status`,`name_pinyin`,`name`,`id`);--> statement-breakpoint
CREATE INDEX `children_owner` ON `children` (`deleted_at`,`owner_id`,`status`,`name_pinyin`,`name`,`id`);--> statement-breakpoint
DROP INDEX `orders_status`;--> statement-breakpoint
CREATE INDEX `orders_updated` ON `guardianship_orders` (`deleted_at`,`updated_at`);--> statement-breakpoint
CREATE INDEX `orders_status` ON `guardianship_orders` (`deleted_at`,`status`,`updated_at`);--> statement-breakpoint
CREATE INDEX `guidance_plans_updated` ON `guidance_plans` (`deleted_at`,`updated_at`);