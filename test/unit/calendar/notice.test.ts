import { describe, expect, it } from 'vitest';
import calendarFile from '../../../db/calendar/holidays.json';
import { type Festival, parseNotice, rangeDays } from '../../../db/calendar/notice';
import { NOTICE_2025, NOTICE_2026, NOTICE_2027_SYNTHETIC } from '../../fixtures/notices';

const NOTICES = { 2025: NOTICE_2025, 2026: NOTICE_2026 } as const;
function noticeOf(year: 2025 | 2026): string {
  return NOTICES[year];
}

function flatten(festivals: Festival[]) {
  return {
    holidays: festivals.flatMap((f) => f.ranges.flatMap(rangeDays)).sort(),
    workdays: festivals.flatMap((f) => f.workdays).sort(),
  };
}

describe('reading the State Council notice (节假日安排通知)', () => {
  for (const year of [2025, 2026] as const) {
    it(`reads the ${year} notice into exactly the shipped dates`, () => {
      const parsed = parseNotice(noticeOf(year), year);
      expect(parsed.problems).toEqual([]);
      const shipped = calendarFile.years[year];
      expect(flatten(parsed.festivals)).toEqual({
        holidays: [...shipped.holidays].sort(),
        workdays: [...shipped.workdays].sort(),
      });
    });
  }

  it('names each festival and keeps its 调休 with it', () => {
    const parsed = parseNotice(noticeOf(2025), 2025);
    expect(parsed.festivals.map((f) => f.name)).toEqual([
      '元旦',
      '春节',
      '清明节',
      '劳动节',
      '端午节',
      '国庆节、中秋节',
    ]);
    // A range crossing into the next month: 1月28日 至 2月4日.
    expect(parsed.festivals[1]).toEqual({
      name: '春节',
      ranges: [{ from: '2025-01-28', to: '2025-02-04' }],
      workdays: ['2025-01-26', '2025-02-08'],
    });
    expect(parsed.festivals[4].ranges).toEqual([{ from: '2025-05-31', to: '2025-06-02' }]);
  });

  it('reads the short phrasing a caseworker types, without weekdays or numbering', () => {
    const parsed = parseNotice('元旦：1月1日至3日放假，1月4日（周日）上班', 2026);
    expect(parsed).toEqual({
      festivals: [
        { name: '元旦', ranges: [{ from: '2026-01-01', to: '2026-01-03' }], workdays: ['2026-01-04'] },
      ],
      problems: [],
    });
  });

  it('reads a range from December into the next year, and full-width digits', () => {
    const parsed = parseNotice('一、元旦：2022年12月31日至2023年1月2日放假调休，共３天。', 2023);
    expect(parsed.problems).toEqual([]);
    expect(parsed.festivals[0].ranges).toEqual([{ from: '2022-12-31', to: '2023-01-02' }]);
  });

  it('says when the weekday in brackets does not fit the date: a typo in the year or the day', () => {
    const parsed = parseNotice('三、清明节：4月4日（周日）至6日（周一）放假，共3天。', 2026);
    expect(parsed.problems).toEqual(['2026-04-04是周六，通知写的是周日：请核对年份和日期']);
  });

  it('says when the title names another year, once rather than per date', () => {
    const parsed = parseNotice(noticeOf(2026), 2027);
    expect(parsed.problems).toEqual(['通知写的是2026年的安排，与所填年份2027年不符']);
  });

  it('says once that many weekdays are wrong: the notice of another year without its title', () => {
    const lines = noticeOf(2026).replace(/^2026年\s*/, '');
    expect(parseNotice(lines, 2027).problems).toEqual([
      '通知中有 20 处星期与2027年的日期不符，可能是其他年份的通知：请核对年份',
    ]);
  });

  it('checks 共N天 against the range', () => {
    const parsed = parseNotice('三、清明节：4月4日（周六）至6日（周一）放假，共4天。', 2026);
    expect(parsed.problems).toEqual(['清明节：2026-04-04至2026-04-06共 3 天，与“共4天”不符']);
  });

  it('refuses a date that does not exist, and text without dates', () => {
    expect(parseNotice('春节：2月30日放假', 2026).problems).toEqual(['“2月30日”不是有效的日期']);
    expect(parseNotice('节假日期间，各地区要妥善安排好值班和安全工作。', 2026).problems).toEqual([
      '没有识别到日期。请粘贴通知中“一、元旦：1月1日至3日放假……”这样的各项安排。',
    ]);
  });

  it('ignores the title, salutation and closing around the lines', () => {
    const text = [
      '国务院办公厅关于2026年部分节假日安排的通知',
      '各省、自治区、直辖市人民政府，国务院各部委、各直属机构：',
      '经国务院批准，现将2026年元旦、春节、清明节、劳动节、端午节、中秋节和国庆节放假调休日期的具体安排通知如下。',
      noticeOf(2026).replace(/^2026年\s*/, ''),
      '节假日期间，各地区、各部门要妥善安排好值班和安全、保卫、疫情防控等工作。',
    ].join('\n');
    const parsed = parseNotice(text, 2026);
    expect(parsed.problems).toEqual([]);
    expect(flatten(parsed.festivals).holidays).toEqual([...calendarFile.years[2026].holidays].sort());
    expect(parsed.festivals).toHaveLength(7);
  });

  it('reads the synthetic 2027 notice the browser test pastes', () => {
    const parsed = parseNotice(NOTICE_2027_SYNTHETIC, 2027);
    expect(parsed.problems).toEqual([]);
    expect(parsed.festivals).toHaveLength(7);
    expect(parsed.festivals[0].ranges).toEqual([{ from: '2027-01-01', to: '2027-01-03' }]);
  });
});
