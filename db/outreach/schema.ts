import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { recordColumns } from '../common/columns';
import type { AudienceKind, OutreachStatus, PlaceKind, Topic } from './codes';

// 法治宣讲. Not linked to any child: an event is for a group, and naming a child in it would
// say who among the audience is a detained parent's child (未成年人保护法 art. 103).
export const outreachEvents = sqliteTable(
  'outreach_events',
  {
    id: text('id').primaryKey(),
    /** YYYY-MM-DD: planned date, then the date it was held. */
    date: text('date').notNull(),
    township: text('township').notNull(),
    placeKind: text('place_kind').$type<PlaceKind>().notNull(),
    placeName: text('place_name').notNull(),
    topic: text('topic').$type<Topic>().notNull(),
    /** The event's own title, e.g. 「护苗·网络安全进校园」. */
    title: text('title'),
    audienceKind: text('audience_kind').$type<AudienceKind>().notNull(),
    /** 人次; set when held (a plan may carry the expected number). */
    audienceCount: integer('audience_count'),
    speakers: text('speakers', { mode: 'json' }).$type<string[]>().notNull(),
    photos: text('photos', { mode: 'json' }).$type<string[]>().notNull(),
    note: text('note'),
    status: text('status').$type<OutreachStatus>().notNull().default('planned'),
    heldAt: integer('held_at'),
    cancelReason: text('cancel_reason'),
    ...recordColumns(),
  },
  (t) => [
    // A status's page in the register's order (date, then entry), and each tab's count under the
    // filters and the held totals off its entries alone (db/outreach/model.ts listEvents).
    index('outreach_status_date').on(
      t.deletedAt,
      t.status,
      t.date,
      t.createdAt,
      t.topic,
      t.township,
      t.audienceCount,
    ),
    // All of them, walked in the register's order with no sort; the filters are checked on the
    // entry, so only a row that is shown is read.
    index('outreach_date').on(t.deletedAt, t.date, t.createdAt, t.topic, t.township),
  ],
);
