import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatTime } from '../../../renderer/src/common/dates';

// The screens' timestamps are formatted by hand (fast enough for a list's every row); they must
// read exactly as dayjs, which the rest of the screens use, would show them.
describe('timestamps as the screens show them', () => {
  const moments = [
    Date.UTC(2026, 0, 1, 0, 0, 0),
    Date.UTC(2026, 11, 31, 15, 59, 59), // 23:59:59 in China: the day must not roll over
    Date.UTC(2026, 11, 31, 16, 0, 1),
    Date.UTC(2009, 8, 9, 9, 9, 9),
    Date.UTC(2024, 1, 29, 12, 30, 5),
  ];

  it('agrees with dayjs in the local time zone, to the day, the minute and the second', () => {
    for (const ms of moments) {
      expect(formatDate(ms)).toBe(dayjs(ms).format('YYYY-MM-DD'));
      expect(formatTime(ms)).toBe(dayjs(ms).format('YYYY-MM-DD HH:mm'));
      expect(formatDateTime(ms)).toBe(dayjs(ms).format('YYYY-MM-DD HH:mm:ss'));
    }
  });

  it('shows nothing for a time that is not there', () => {
    expect(formatTime(null)).toBe('');
  });
});
