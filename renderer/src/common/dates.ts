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

export function formatDateTime(ms: number): string {
  return dayjs(ms).format('YYYY-MM-DD HH:mm:ss');
}

export function formatDate(ms: number): string {
  return dayjs(ms).format(DATE_FORMAT);
}

/** A timestamp to the minute; empty where there is none. */
export function formatTime(ms: number | null): string {
  return ms ? dayjs(ms).format('YYYY-MM-DD HH:mm') : '';
}
