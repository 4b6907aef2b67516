import { describe, expect, it } from 'vitest';
import {
  idFragmentPrefixes,
  isExactQuery,
  isIdQuery,
  isPlaceQuery,
  namePinyin,
  normalizeQuery,
  placeKey,
  placeSuffixes,
  searchKeys,
} from '../../../db/children/search';

/**
 * As the list asks: a prefix of a key, or for an ID fragment of a key under one of its
 * prefixes, or a key of a place whose suffixes (search_places) the query begins.
 */
function finds(query: string, keys: string[], places: (string | null)[] = []): boolean {
  const q = normalizeQuery(query);
  const under = isIdQuery(q) ? idFragmentPrefixes(q) : [q];
  if (keys.some((k) => under.some((p) => k.startsWith(p)))) return true;
  if (!isPlaceQuery(q)) return false;
  return places.some((p) => {
    const key = placeKey(p);
    return !!key && keys.includes(key) && placeSuffixes(key).some((s) => s.startsWith(q));
  });
}

/** The child whose keys most cases read: a name, an ID number and two places. */
const CHILD = {
  name: '张小明',
  idNumber: '370115201503070014',
  school: '济阳区实验小学',
  village: '城关村',
};

describe('search keys', () => {
  const child = CHILD;
  const keys = searchKeys(child);
  const places = [child.school, child.village];

  it.each([
    '张',
    '张小',
    '小明',
    '明',
    'zhangxiaoming',
    'zhang xiao',
    'xiaoming',
    'zxm',
    'zx',
    'xm',
    '0307',
    '370115',
    '0014',
    '实验小学',
    '城关',
    '区实验',
    '关村',
  ])('finds 张小明 by %s', (q) => expect(finds(q, keys, places)).toBe(true));

  it.each(['李', 'iaoming', 'zhangming', '99', 'xz', '村', '实验中学'])('does not find 张小明 by %s', (q) =>
    expect(finds(q, keys, places)).toBe(false),
  );

  it('holds each place whole, once', () => {
    expect(keys.filter((k) => /[村学]/.test(k)).sort()).toEqual(['城关村', '济阳区实验小学']);
    expect(placeSuffixes('城关村')).toEqual(['城关村', '关村']);
    expect(placeKey('城 关村')).toBe('城关村');
    expect(placeKey('村')).toBeNull();
  });

  it('reads surnames the way names are read', () => {
    expect(namePinyin('曾晓乐')).toEqual(['zeng', 'xiao', 'le']);
    expect(namePinyin('单丽')).toEqual(['shan', 'li']);
  });
});

describe('short queries, answered from one key', () => {
  const child = { ...CHILD, name: '欧阳子墨' };
  const keys = new Set(searchKeys(child));

  it('knows which queries are one stored key', () => {
    expect(['张', '张小', 'z', 'zxm', 'zhang', 'oyzm'].map(isExactQuery)).toEqual([
      true,
      true,
      true,
      true,
      true,
      true,
    ]);
    expect(['张小明', 'zhangx', '0307', '370', 'z1', '张x'].map(isExactQuery)).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
  });

  it('stores every short query that finds the child as a key of its own', () => {
    // Every prefix of every key: where it is a short query, the child holds it whole, except
    // the prefixes of a school or village (a place is one key, found through search_places).
    const name = normalizeQuery(child.name);
    const placeKeys = [child.school, child.village].map(placeKey);
    for (const k of keys) {
      if (placeKeys.includes(k)) continue;
      for (let l = 1; l <= Array.from(k).length; l++) {
        const q = Array.from(k).slice(0, l).join('');
        if (!isExactQuery(q) || (l === 1 && !/[a-z]/.test(q) && !name.includes(q))) continue;
        expect(keys.has(q), `${q} (from ${k})`).toBe(true);
      }
    }
    for (const q of [
      '欧',
      '欧阳',
      '阳子',
      '墨',
      'o',
      'oy',
      'oyzm',
      'ouyan',
      'zimo',
      'mo',
      '济阳区实验小学',
      '城关村',
    ])
      expect(keys.has(q), q).toBe(true);
    for (const q of ['济', '济阳', '实验', '城关']) expect(keys.has(q), q).toBe(false);
  });
});

describe('ID numbers: suffixes from every second character', () => {
  const id = '37011520150307001x';
  const keys = searchKeys({ name: '李娜', idNumber: id, school: null, village: null }).filter((k) =>
    /^[0-9]/.test(k),
  );

  it('stores eight suffixes for an 18-character number', () => {
    expect(keys.sort()).toEqual(Array.from({ length: 8 }, (_, i) => id.slice(2 * i)).sort());
  });

  it('finds every fragment of three characters or more, wherever it starts, and nothing else', () => {
    for (let at = 0; at < id.length; at++) {
      for (let end = at + 3; end <= id.length; end++) {
        expect(finds(id.slice(at, end), keys), id.slice(at, end)).toBe(true);
      }
    }
    for (const q of ['0308', '99', '1x0', '3701150', '2016']) expect(finds(q, keys), q).toBe(false);
  });
});
