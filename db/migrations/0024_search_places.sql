-- Hand-edited (drizzle-kit cannot say WITHOUT ROWID, nor move the keys): a school or village
-- is one key per child now, its whole name (db/children/search.ts placeKey), and the places a
-- query can find are looked up in search_places under each of their suffixes (placeSuffixes).
-- The keys a child held for every suffix of its places and their first two characters go,
-- except where the same key is also the child's by its name (a suffix, or two characters or
-- fewer of it). Keys of letters and digits only (pinyin, initials, an ID number) are left as
-- they are. A place is normalized as normalizeQuery does: lower case, no spaces (the ASCII
-- and ideographic ones, tabs, line breaks, no-break spaces). Nothing is dropped but keys.
CREATE TABLE `search_places` (
	`key` text NOT NULL,
	`place` text NOT NULL,
	PRIMARY KEY(`key`, `place`)
) WITHOUT ROWID;
--> statement-breakpoint
INSERT OR IGNORE INTO `search_places` (`key`, `place`)
WITH RECURSIVE places(place) AS (
  SELECT lower(replace(replace(replace(replace(replace(replace(school, ' ', ''), char(9), ''), char(10), ''), char(13), ''), char(160), ''), char(12288), '')) FROM `children` WHERE deleted_at IS NULL AND school IS NOT NULL
  UNION
  SELECT lower(replace(replace(replace(replace(replace(replace(village, ' ', ''), char(9), ''), char(10), ''), char(13), ''), char(160), ''), char(12288), '')) FROM `children` WHERE deleted_at IS NULL AND village IS NOT NULL
),
tails(key, place) AS (
  SELECT place, place FROM places WHERE length(place) >= 2
  UNION ALL
  SELECT substr(key, 2), place FROM tails WHERE length(key) > 2
)
SELECT key, place FROM tails ORDER BY key, place;--> statement-breakpoint
DELETE FROM `child_search_keys`
WHERE `key` GLOB '*[^0-9a-z]*' AND EXISTS (
  SELECT 1 FROM `children` c
  WHERE c.id = `child_search_keys`.`child_id`
    AND (instr(lower(replace(replace(replace(replace(replace(replace(c.school, ' ', ''), char(9), ''), char(10), ''), char(13), ''), char(160), ''), char(12288), '')), `child_search_keys`.`key`) > 0 OR instr(lower(replace(replace(replace(replace(replace(replace(c.village, ' ', ''), char(9), ''), char(10), ''), char(13), ''), char(160), ''), char(12288), '')), `child_search_keys`.`key`) > 0)
    AND `child_search_keys`.`key` IS NOT lower(replace(replace(replace(replace(replace(replace(c.school, ' ', ''), char(9), ''), char(10), ''), char(13), ''), char(160), ''), char(12288), '')) AND `child_search_keys`.`key` IS NOT lower(replace(replace(replace(replace(replace(replace(c.village, ' ', ''), char(9), ''), char(10), ''), char(13), ''), char(160), ''), char(12288), ''))
    AND NOT (
      instr(lower(replace(replace(replace(replace(replace(replace(c.name, ' ', ''), char(9), ''), char(10), ''), char(13), ''), char(160), ''), char(12288), '')), `child_search_keys`.`key`) > 0
      AND (length(`child_search_keys`.`key`) <= 2 OR substr(lower(replace(replace(replace(replace(replace(replace(c.name, ' ', ''), char(9), ''), char(10), ''), char(13), ''), char(160), ''), char(12288), '')), -length(`child_search_keys`.`key`)) = `child_search_keys`.`key`)
    )
);
