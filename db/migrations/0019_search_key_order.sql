-- Hand-edited (drizzle-kit cannot say WITHOUT ROWID, nor fill the new columns): the key table
-- becomes one B-tree ordered (key, name_pinyin, name, child_id), so a query's rows come out in
-- the list's name order. Filled from the old keys: each one kept, and the short prefixes that
-- db/children/search.ts stores beside them (pinyin and initials up to 5 letters, a name's
-- characters up to 2, a school's or village's first 2; ID numbers none). Nothing points at
-- this table, so the rebuild drops nothing else. Only the children on file keep keys (a
-- child in the recycle bin gets them back when restored), so a search counts from this table alone.
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_child_search_keys` (
	`key` text NOT NULL,
	`name_pinyin` text NOT NULL,
	`name` text NOT NULL,
	`child_id` text NOT NULL,
	PRIMARY KEY(`key`, `name_pinyin`, `name`, `child_id`),
	FOREIGN KEY (`child_id`) REFERENCES `children`(`id`) ON UPDATE no action ON DELETE cascade
) WITHOUT ROWID;
--> statement-breakpoint
INSERT OR IGNORE INTO `__new_child_search_keys`("key", "name_pinyin", "name", "child_id")
WITH RECURSIVE len(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM len WHERE n < 5),
keys AS (
  SELECT k.key AS key, c.name_pinyin AS name_pinyin, c.name AS name, c.id AS child_id
  FROM `child_search_keys` k JOIN `children` c ON c.id = k.child_id AND c.deleted_at IS NULL
  UNION
  SELECT substr(k.key, 1, len.n), c.name_pinyin, c.name, c.id
  FROM `child_search_keys` k JOIN `children` c ON c.id = k.child_id AND c.deleted_at IS NULL JOIN len ON len.n < length(k.key)
  WHERE CASE
    WHEN k.key GLOB '[a-z]*' THEN len.n <= 5
    WHEN k.key GLOB '[0-9]*' THEN 0
    WHEN substr(lower(replace(c.name, ' ', '')), -length(k.key)) = k.key THEN len.n <= 2
    ELSE len.n = 2
  END
)
SELECT key, name_pinyin, name, child_id FROM keys ORDER BY key, name_pinyin, name, child_id;--> statement-breakpoint
DROP TABLE `child_search_keys`;--> statement-breakpoint
ALTER TABLE `__new_child_search_keys` RENAME TO `child_search_keys`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `child_search_keys_child` ON `child_search_keys` (`child_id`,`key`);
