import { pinyin } from 'pinyin-pro';

// Names repeat (and one import asks for each name several times); pinyin-pro is the costly part.
const pinyinCache = new Map<string, readonly string[]>();
const PINYIN_CACHE_MAX = 50_000;

/** Full pinyin of a name, surname readings first (曾 → zeng), without spaces or tones. */
export function namePinyin(name: string): string[] {
  const cached = pinyinCache.get(name);
  if (cached) return [...cached];
  const syllables = pinyin(name, { toneType: 'none', type: 'array', surname: 'head', v: true })
    .map((s) => s.toLowerCase().replace(/[^a-z]/g, ''))
    .filter(Boolean);
  if (pinyinCache.size >= PINYIN_CACHE_MAX) pinyinCache.clear();
  pinyinCache.set(name, syllables);
  return [...syllables];
}

function suffixes(text: string, minLength = 1): string[] {
  const chars = Array.from(text);
  const out: string[] = [];
  for (let i = 0; i + minLength <= chars.length; i++) out.push(chars.slice(i).join(''));
  return out;
}

/** Lower-case, without spaces: "Zhang Xiao" and "zhangxiao" are the same query. */
export function normalizeQuery(query: string): string {
  return query.toLowerCase().replace(/\s+/g, '');
}

export interface SearchableChild {
  name: string;
  idNumber: string | null;
  school: string | null;
  village: string | null;
}

/** Stored prefixes: a query this short and of these letters is an equality on the key (isExactQuery). */
const SHORT_LATIN = 5;
const SHORT_TEXT = 2;

function prefixes(key: string, upTo: number, from = 1): string[] {
  const chars = Array.from(key);
  const out: string[] = [];
  for (let l = from; l <= Math.min(upTo, chars.length); l++) out.push(chars.slice(0, l).join(''));
  return out;
}

/**
 * The keys a child is found by; a query matches when it is a prefix of one of them, so each
 * suffix stands for every substring starting there. Pinyin keys start at syllable
 * boundaries ("xiaom" finds 张小明, "iaom" does not), as people type them. Beside each suffix
 * its short prefixes (see isExactQuery), so that a broad query finds its children under one
 * key. Two kinds are fewer: an ID number's suffixes from even offsets (idFragmentPrefixes
 * finds the others), and a place's whole name, found through search_places. Migrations 0019,
 * 0021 and 0022 make the same set from the keys stored before them.
 */
export function searchKeys(child: SearchableChild): string[] {
  const keys = new Set<string>();
  const add = (suffix: string, upTo: number, from = 1) => {
    keys.add(suffix);
    for (const p of prefixes(suffix, upTo, from)) keys.add(p);
  };
  const name = normalizeQuery(child.name);
  for (const s of suffixes(name)) add(s, SHORT_TEXT);
  const syllables = namePinyin(child.name);
  for (let i = 0; i < syllables.length; i++) {
    add(syllables.slice(i).join(''), SHORT_LATIN);
    add(
      syllables
        .slice(i)
        .map((s) => s[0])
        .join(''),
      SHORT_LATIN,
    );
  }
  // An ID number from every second character (of three or more): a fragment starting at an odd
  // place is the one before it led by any digit (idFragmentPrefixes), so half the suffixes find
  // every fragment. None of their prefixes are stored: a short fragment is no more often broad.
  if (child.idNumber) for (const s of idSuffixes(child.idNumber)) keys.add(s);
  // A school or village as one key, the whole place: the places holding a query are looked up
  // in the small place table (search_places, placeSuffixes), and their children under these.
  for (const place of [child.school, child.village]) {
    const key = placeKey(place);
    if (key) keys.add(key);
  }
  return [...keys];
}

/**
 * A school's or village's key: the whole place, normalized as a query is. One character would
 * match most places (a query that short finds names only), so a shorter place has none.
 */
export function placeKey(place: string | null): string | null {
  if (!place) return null;
  const key = normalizeQuery(place);
  return Array.from(key).length >= 2 ? key : null;
}

/**
 * The rows of search_places for a place key: each of its suffixes of two characters or more,
 * so a query found in the place is a prefix of one of them.
 */
export function placeSuffixes(key: string): string[] {
  return suffixes(key, 2);
}

/**
 * Whether a (normalized) query can be part of a school or village: two characters or more,
 * not an ID lookup and not pinyin (pinyin finds names only).
 */
export function isPlaceQuery(query: string): boolean {
  return Array.from(query).length >= 2 && !isIdQuery(query) && !/^[a-z]+$/.test(query);
}

/** The ID number's stored suffixes: from even offsets, three characters or more (ASCII only). */
export function idSuffixes(idNumber: string): string[] {
  const id = idNumber.toLowerCase();
  const out: string[] = [];
  for (let i = 0; i + 3 <= id.length; i += 2) out.push(id.slice(i));
  return out;
}

/**
 * The key prefixes an ID fragment is found under: the fragment itself (it starts at an even
 * offset of the number), or the fragment led by the digit before it (it starts at an odd one,
 * so the suffix a character earlier holds it from its second character). Each is exact: no
 * child is found that does not hold the fragment. The digit before is never the check
 * character (X), which only ends a number.
 */
export function idFragmentPrefixes(fragment: string): string[] {
  return [fragment, ...'0123456789'.split('').map((d) => d + fragment)];
}

/**
 * Whether every child a (normalized) query matches holds the query itself as a key, so the
 * search is `key = ?` rather than a range: pinyin or initials up to 5 letters, other text
 * (characters) up to 2. A single character finds names only (a school or village needs two).
 */
export function isExactQuery(query: string): boolean {
  const length = Array.from(query).length;
  if (/^[a-z]+$/.test(query)) return length <= SHORT_LATIN;
  return !/[0-9a-z]/.test(query) && length <= SHORT_TEXT;
}

/** The upper bound of a prefix range: every key starting with `prefix` sorts below it. */
export function prefixEnd(prefix: string): string {
  return `${prefix}\u{10FFFF}`;
}

/**
 * A query made only of digits (and X) can only be part of an ID number: names, pinyin, schools
 * and villages hold no such keys. Such a search is an ID lookup, with its own rule (policy.ts).
 */
export function isIdQuery(query: string): boolean {
  return /^[0-9]+[0-9x]*$/i.test(query);
}
