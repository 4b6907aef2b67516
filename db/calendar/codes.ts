/** Where a year's calendar comes from: the file shipped with the app, or an administrator's entry. */
export const CALENDAR_SOURCES = ['shipped', 'notice', 'manual'] as const;
export type CalendarSource = (typeof CALENDAR_SOURCES)[number];

/** From this day of December (month 12), next year's missing calendar is a reminder for administrators. */
export const REMIND_FROM_DAY = 1;
