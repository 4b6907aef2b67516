ALTER TABLE `children` ADD `de_facto_recognised_on` text;--> statement-breakpoint
CREATE INDEX `children_defacto_recognised` ON `children` (`de_facto_recognised_on`,`township`,`owner_id`) WHERE "children"."deleted_at" IS NULL AND "children"."de_facto_recognised_on" IS NOT NULL;--> statement-breakpoint
-- Files recognised before the date was kept: the day the file was opened, the earliest the studio can vouch for.
UPDATE `children` SET `de_facto_recognised_on` = date(`created_at` / 1000, 'unixepoch', 'localtime') WHERE `categories` LIKE '%"deFactoUnsupported"%';
