import { describe, expect, it } from 'vitest';
import { stepsFrom } from '../../../db/common/flow';
import { RELIEF_FLOW, RELIEF_STEPS } from '../../../db/relief/codes';
import { ceilingFen, formatYuan, overCeiling, parseYuan } from '../../../db/relief/rules';
import { SUIT_FLOW } from '../../../db/suits/codes';

describe('amounts in 元, kept as integer 分', () => {
  it('reads what a caseworker types, with or without 分 and thousands separators', () => {
    expect(parseYuan('12000')).toBe(1_200_000);
    expect(parseYuan('12000.5')).toBe(1_200_050);
    expect(parseYuan(' 12,000.05 ')).toBe(1_200_005);
    expect(parseYuan('12，000')).toBe(1_200_000);
    for (const bad of ['', '12.345', '-1', '1e5', '¥100', '12.', '.5', 'abc'])
      expect(parseYuan(bad)).toBeNull();
  });

  it('writes 分 back as 元 with two decimals and separators, with no float on the way', () => {
    expect(formatYuan(0)).toBe('0.00');
    expect(formatYuan(5)).toBe('0.05');
    expect(formatYuan(31_680_000)).toBe('316,800.00');
    // 0.1 + 0.2 in floats is 0.30000000000000004; in 分 it is 30.
    expect(formatYuan((parseYuan('0.1') ?? 0) + (parseYuan('0.2') ?? 0))).toBe('0.30');
  });

  it('puts the usual ceiling at 36 months of the monthly wage and warns only above it', () => {
    expect(ceilingFen(8800)).toBe(31_680_000);
    expect(overCeiling(31_680_000, 8800)).toBe(false);
    expect(overCeiling(31_680_001, 8800)).toBe(true);
  });
});

describe('the flow tables', () => {
  it('offer each status only the steps its role may take', () => {
    expect(stepsFrom(RELIEF_FLOW, 'reviewing', 'caseworker')).toEqual(['withdraw']);
    expect(stepsFrom(RELIEF_FLOW, 'reviewing', 'supervisor')).toEqual(['grant', 'deny', 'withdraw']);
    expect(stepsFrom(RELIEF_FLOW, 'closed', 'admin')).toEqual([]);
    expect(stepsFrom(SUIT_FLOW, 'draft', 'caseworker')).toEqual(['withdraw']);
    expect(stepsFrom(SUIT_FLOW, 'draft', 'supervisor')).toEqual(['issue', 'withdraw']);
  });

  it('reach the end from the first status along the table alone', () => {
    const reachable = new Set<string>(['applied']);
    for (let changed = true; changed; ) {
      changed = false;
      for (const step of RELIEF_STEPS) {
        const s = RELIEF_FLOW[step];
        if (s.from.some((f) => reachable.has(f)) && !reachable.has(s.to)) {
          reachable.add(s.to);
          changed = true;
        }
      }
    }
    expect([...reachable].sort()).toEqual([
      'applied',
      'closed',
      'denied',
      'granted',
      'paid',
      'reviewing',
      'withdrawn',
    ]);
  });
});
