import { integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * 统计台账's figures pre-counted by month (db/stats/cells.ts): how many records of one series
 * (a figure's records, or children registered / leaving the file) fall in a month, for each
 * township, caseworker and tag. Derived data only: triggers keep it current in the transaction
 * of every write, and the next open rebuilds it whole from the records when its version changes.
 * A year's figure is then the sum of twelve months' cells instead of a walk of every record.
 */
export const statsCells = sqliteTable(
  'stats_cells',
  {
    series: text('series').notNull(),
    /** YYYY-MM: the month of the record's calendar date, or of its instant in local time. */
    month: text('month').notNull(),
    /** '' for none (a referral belongs to no township). */
    township: text('township').notNull(),
    /** '' for a record whose child has no caseworker. */
    owner: text('owner').notNull(),
    /** The chart's split (agency, outcome); '' where the figure has none. */
    tag: text('tag').notNull(),
    /** Records counted. */
    n: integer('n').notNull(),
    /** Their values added up (受众人次, 分) for a summed figure, else 0. */
    v: integer('v').notNull(),
  },
  (t) => [primaryKey({ columns: [t.series, t.month, t.township, t.owner, t.tag] })],
);
