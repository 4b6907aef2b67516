DROP INDEX `child_search_keys_child`;--> statement-breakpoint
CREATE INDEX `child_search_keys_child` ON `child_search_keys` (`child_id`,`key`);--> statement-breakpoint
DROP INDEX `children_township`;--> statement-breakpoint
DROP INDEX `children_owner`;--> statement-breakpoint
DROP INDEX `children_risk`;--> statement-breakpoint
CREATE INDEX `children_township` ON `children` (`deleted_at`,`township`,`status`,`name_pinyin`);--> statement-breakpoint
CREATE INDEX `children_owner` ON `children` (`deleted_at`,`owner_id`,`status`,`name_pinyin`);--> statement-breakpoint
CREATE INDEX `children_risk` ON `children` (`deleted_at`,`risk_level`,`status`,`name_pinyin`);