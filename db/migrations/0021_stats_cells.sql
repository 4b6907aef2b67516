CREATE TABLE `stats_cells` (
	`series` text NOT NULL,
	`month` text NOT NULL,
	`township` text NOT NULL,
	`owner` text NOT NULL,
	`tag` text NOT NULL,
	`n` integer NOT NULL,
	`v` integer NOT NULL,
	PRIMARY KEY(`series`, `month`, `township`, `owner`, `tag`)
);
