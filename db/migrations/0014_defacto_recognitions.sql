CREATE TABLE `de_facto_recognitions` (
	`child_id` text PRIMARY KEY NOT NULL,
	`recognised_on` text NOT NULL,
	FOREIGN KEY (`child_id`) REFERENCES `children`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `de_facto_recognitions_date` ON `de_facto_recognitions` (`recognised_on`,`child_id`);--> statement-breakpoint
-- Files holding the category before the date was kept: the day the file was opened, the earliest the studio can vouch for.
INSERT INTO `de_facto_recognitions` (`child_id`, `recognised_on`) SELECT `id`, date(`created_at` / 1000, 'unixepoch', 'localtime') FROM `children` WHERE `categories` LIKE '%"deFactoUnsupported"%';
