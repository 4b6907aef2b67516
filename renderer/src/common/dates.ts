// The one place the screens turn dates into the API's 'YYYY-MM-DD' text and back.
import dayjs, { type Dayjs } from 'dayjs';

export const DATE_FORMAT = 'YYYY-MM-DD';

/** The caseworker's calendar day; the core counts dates, ages and deadlines in the same local days. */
export function todayText(): string {
  return dayjs().format(DATE_FORMAT);
}

/** For a DatePicker's disabledDate: a day that has not come yet. */
export function afterToday(d: Dayjs): boolean {
  return d.format(DATE_FORMAT) > todayText();
}

/** Days from today to a YYYY-MM-DD date; negative when it has passed. */
export function daysUntil(date: string, today = todayText()): number {
  return dayjs(date, DATE_FORMAT).diff(dayjs(today, DATE_FORMAT), 'day');
}

/**
 * Form.Item props for a DatePicker: the picker works in dayjs, the form keeps the API's
 * 'YYYY-MM-DD' text, so values go out as they are and field errors come back under the same name.
 */
export const dateItem = {
  getValueProps: (v?: string | null) => ({ value: v ? dayjs(v, DATE_FORMAT) : null }),
  normalize: (d: Dayjs | null) => (d ? d.format(DATE_FORMAT) : null),
};

// Timestamps to text by hand, in the machine's local time as dayjs does: a list formats two
// dates in each of its fifty rows on every keystroke, and dayjs(ms).format (with antd's picker
// wrapping format) was most of a row's rendering (issue 19 #6).
const pad = (n: number) => (n < 10 ? `0${n}` : String(n));
const dayOf = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
const minuteOf = (d: Date) => `${dayOf(d)} ${pad(d.getHours())}:${pad(d.getMinutes())}`;

export function formatDateTime(ms: number): string {
  const d = new Date(ms);
  return `${minuteOf(d)}:${pad(d.getSeconds())}`;
}

export function formatDate(ms: number): string {
  return dayOf(new Date(ms));
}

/** A timestamp to the minute; empty where there is none. */
export function formatTime(ms: number | null): string {
  return ms ? minuteOf(new Date(ms)) : '';
}
