import { describe, expect, it } from 'vitest';
import { namePinyin, normalizeQuery, searchKeys } from '../../../db/children/search';

function finds(query: string, keys: string[]): boolean {
  const q = normalizeQuery(query);
  return keys.some((k) => k.startsWith(q));
}

describe('search keys', () => {
  const keys = searchKeys({
    name: '张小明',
    idNumber: '370115201503070014',
    school: '济阳区实验小学',
    village: '城关村',
  });

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
  ])('finds 张小明 by %s', (q) => expect(finds(q, keys)).toBe(true));

  it.each(['李', 'iaoming', 'zhangming', '99', 'xz'])('does not find 张小明 by %s', (q) =>
    expect(finds(q, keys)).toBe(false),
  );

  it('reads surnames the way names are read', () => {
    expect(namePinyin('曾晓乐')).toEqual(['zeng', 'xiao', 'le']);
    expect(namePinyin('单丽')).toEqual(['shan', 'li']);
  });
});
