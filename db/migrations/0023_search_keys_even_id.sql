-- Hand-written (no schema change): an ID number keeps its suffixes from even offsets only
-- (db/children/search.ts idSuffixes); a fragment from an odd offset is found under the suffix
-- one character earlier, led by any digit (idFragmentPrefixes). The suffixes from odd offsets
-- go: half the ID keys, a sixth of the table. Only a key made of digits (and x) that ends the
-- child's own number at an odd offset is taken, so no name, pinyin or place key is touched.
DELETE FROM `child_search_keys`
WHERE `key` >= '0' AND `key` < ':' AND `key` NOT GLOB '*[^0-9x]*'
  AND EXISTS (
    SELECT 1 FROM `children` c
    WHERE c.id = `child_search_keys`.`child_id` AND c.id_number IS NOT NULL
      AND (length(c.id_number) - length(`child_search_keys`.`key`)) % 2 = 1
      AND substr(lower(c.id_number), -length(`child_search_keys`.`key`)) = `child_search_keys`.`key`
  );
