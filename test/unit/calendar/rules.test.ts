import { describe, expect, it } from 'vitest';
import { type Festival, parseNotice } from '../../../db/calendar/notice';
import { checkYear, statutoryDays } from '../../../db/calendar/rules';
import { NOTICE_2025, NOTICE_2026, NOTICE_2027_SYNTHETIC } from '../../fixtures/notices';

/** A festival off from `from` to `to`, with its 调休 workdays. */
const festival = (name: string, from: string, to: string, ...workdays: string[]): Festival => ({
  name,
  ranges: [{ from, to }],
  workdays,
});

const messages = (year: number, festivals: Festival[]) => checkYear(year, festivals).map((p) => p.message);

describe('the rules a year of 节假日安排 must keep', () => {
  it('accepts the real 2025 and 2026 notices and the synthetic 2027 one', () => {
    expect(messages(2025, parseNotice(NOTICE_2025, 2025).festivals)).toEqual([]);
    expect(messages(2026, parseNotice(NOTICE_2026, 2026).festivals)).toEqual([]);
    expect(messages(2027, parseNotice(NOTICE_2027_SYNTHETIC, 2027).festivals)).toEqual([]);
  });

  it('counts the statutory days as the 2024 revision has them from 2025', () => {
    expect(statutoryDays('春节', 2024)).toBe(3);
    expect(statutoryDays('春节', 2025)).toBe(4);
    expect(statutoryDays('国庆节、中秋节', 2025)).toBe(4);
    expect(statutoryDays('植树节', 2025)).toBeNull();
  });

  it('refuses a 调休 day that is not a weekend', () => {
    const f = festival('元旦', '2026-01-01', '2026-01-03', '2026-01-05');
    expect(checkYear(2026, [f])).toEqual([
      { path: 'festivals.0.workdays', message: '2026-01-05是周一，调休上班日应是周六或周日' },
    ]);
  });

  it('refuses a weekday off with no matching 调休, and a statutory day lost to a weekend', () => {
    const noSwap = festival('元旦', '2026-01-01', '2026-01-03');
    expect(messages(2026, [noSwap])).toEqual([
      '元旦放假占用 2 个工作日，多于法定假日 1 天加调休上班 0 天：缺少对应的调休上班日',
    ]);
    // 清明 on Saturday 4 April 2026 with no 补休 Monday.
    const lost = festival('清明节', '2026-04-04', '2026-04-05');
    expect(messages(2026, [lost])).toEqual([
      '清明节放假占用 0 个工作日，少于法定假日 1 天加调休上班 0 天：落在周末的法定假日应当补休，或调休上班日多录了',
    ]);
  });

  it('refuses overlapping ranges, a day both off and worked, and dates of another year', () => {
    const a: Festival = { name: '中秋节', ranges: [{ from: '2026-09-25', to: '2026-09-27' }], workdays: [] };
    const b = festival('国庆节', '2026-09-27', '2026-10-07', '2026-09-27');
    expect(messages(2026, [a, b])).toEqual(
      expect.arrayContaining([
        '国庆节与中秋节的放假日期重叠（2026-09-27）',
        '2026-09-27既是放假日又是上班日',
      ]),
    );
    const other = festival('元旦', '2027-01-01', '2027-01-01');
    expect(messages(2026, [other])).toEqual(['2027-01-01不属于2026年的安排', '2027-01-01不属于2026年的安排']);
    const reversed = festival('端午节', '2026-06-21', '2026-06-19');
    expect(messages(2026, [reversed])).toEqual(['放假日期的开始日2026-06-21晚于结束日2026-06-19']);
  });

  it('lets 元旦 of a notice start in the December before', () => {
    const f = parseNotice('一、元旦：2022年12月31日至2023年1月2日放假调休，共3天。', 2023).festivals;
    expect(messages(2023, f)).toEqual([]);
  });
});
