// What other areas (stats, exports) need from 法治宣讲.

import { and, count, desc, eq, gte, isNull, lte, type SQL, sum } from 'drizzle-orm';
import { accountName } from '../accounts/model';
import type { ReadCtx } from '../api/define';
import { stepsFrom } from '../common/flow';
import { loadLive } from '../common/records';
import { type AreaFigure, areaFigure, type ExportTable, registerCounts } from '../common/registers';
import { t } from '../i18n';
import { OUTREACH_FLOW, OUTREACH_STATUSES, type OutreachStatus, type OutreachStep } from './codes';
import type { OutreachFilters } from './inputs';
import { outreachEvents } from './schema';

export type OutreachRow = typeof outreachEvents.$inferSelect;

export const outreachStatusLabel = (s: OutreachStatus) => t(`outreach.status.${s}`);

export function loadEvent(ctx: ReadCtx, id: string): OutreachRow {
  return loadLive(ctx, outreachEvents, id);
}

export type OutreachView = Omit<OutreachRow, 'createdBy' | 'updatedBy' | 'deletedAt'> & {
  steps: OutreachStep[];
  createdByName: string | null;
};

export function viewEvent(ctx: ReadCtx, id: string): OutreachView {
  const { createdBy, updatedBy: _u, deletedAt: _d, ...e } = loadEvent(ctx, id);
  const createdByName = accountName(ctx, createdBy);
  return { ...e, steps: stepsFrom(OUTREACH_FLOW, e.status, ctx.user.role), createdByName };
}

function filterWhere(f: OutreachFilters, status = f.status): SQL[] {
  const where: SQL[] = [isNull(outreachEvents.deletedAt)];
  if (status !== 'all') where.push(eq(outreachEvents.status, status));
  if (f.topic) where.push(eq(outreachEvents.topic, f.topic));
  if (f.township) where.push(eq(outreachEvents.township, f.township));
  if (f.from) where.push(gte(outreachEvents.date, f.from));
  if (f.to) where.push(lte(outreachEvents.date, f.to));
  return where;
}

/**
 * 开展宣讲N次，受众N人次 over the held events the filters select. Two separate sums in their
 * own units: events (次) and audience (人次) are never added together.
 */
export function heldTotals(
  ctx: ReadCtx,
  f: Omit<OutreachFilters, 'status'>,
): { events: number; audience: number } {
  const row = ctx.db
    .select({ events: count(), audience: sum(outreachEvents.audienceCount) })
    .from(outreachEvents)
    .where(and(...filterWhere({ ...f, status: 'held' })))
    .get();
  return { events: row?.events ?? 0, audience: Number(row?.audience ?? 0) };
}

/**
 * Where the register's tabs are counted: (deleted_at, status, date, created_at, topic, township,
 * audience_count), so a filtered tab's count and the held totals read its entries alone.
 */
const COUNTED = { table: 'outreach_events', index: 'outreach_status_date' };

/**
 * One page of the register, latest date first, each tab counted under the filters up to the cap
 * (超过 N past it) off one range of outreach_status_date. A status's page is walked off that
 * index in the list's order, all of them off outreach_date, with no sort.
 */
export function listEvents(ctx: ReadCtx, f: OutreachFilters & { offset: number; limit: number }) {
  const where = and(...filterWhere(f));
  const rows = ctx.db
    .select({
      id: outreachEvents.id,
      date: outreachEvents.date,
      township: outreachEvents.township,
      placeKind: outreachEvents.placeKind,
      placeName: outreachEvents.placeName,
      topic: outreachEvents.topic,
      title: outreachEvents.title,
      audienceKind: outreachEvents.audienceKind,
      audienceCount: outreachEvents.audienceCount,
      speakers: outreachEvents.speakers,
      status: outreachEvents.status,
    })
    .from(outreachEvents)
    .where(where)
    .orderBy(desc(outreachEvents.date), desc(outreachEvents.createdAt))
    .limit(f.limit)
    .offset(f.offset)
    .all();
  const filters: string[] = [];
  if (f.topic) filters.push('outreach_events.topic = @topic');
  if (f.township) filters.push('outreach_events.township = @township');
  if (f.from) filters.push('outreach_events.date >= @from');
  if (f.to) filters.push('outreach_events.date <= @to');
  const tabWhere = filters.join(' AND ');
  const counted = registerCounts(ctx.raw, COUNTED, {
    statuses: OUTREACH_STATUSES,
    open: [],
    view: f.status,
    tabWhere,
    filterWhere: tabWhere,
    params: { topic: f.topic ?? null, township: f.township ?? null, from: f.from ?? null, to: f.to ?? null },
  });
  return { rows, ...counted, held: heldTotals(ctx, f) };
}

export function outreachExportRows(ctx: ReadCtx, f: OutreachFilters): ExportTable {
  const rows = ctx.db
    .select()
    .from(outreachEvents)
    .where(and(...filterWhere(f)))
    .orderBy(desc(outreachEvents.date), desc(outreachEvents.createdAt))
    .all();
  const keys = [
    'date',
    'township',
    'placeKind',
    'placeName',
    'topic',
    'title',
    'audienceKind',
    'audienceCount',
    'speakers',
    'photos',
    'status',
    'note',
  ] as const;
  return {
    sheetName: t('outreach.title'),
    columns: keys.map((key) => ({ key, header: t(`outreach.fields.${key}`) })),
    rows: rows.map((e) => ({
      date: e.date,
      township: e.township,
      placeKind: t(`outreach.placeKinds.${e.placeKind}`),
      placeName: e.placeName,
      topic: t(`outreach.topics.${e.topic}`),
      title: e.title,
      audienceKind: t(`outreach.audienceKinds.${e.audienceKind}`),
      audienceCount: e.audienceCount,
      speakers: e.speakers.join('、'),
      photos: e.photos.join('、'),
      status: outreachStatusLabel(e.status),
      note: e.note,
    })),
  };
}

/** For 统计台账: held events by their date; a plan or a cancelled event counts for nothing. */
export const OUTREACH_FIGURES: readonly AreaFigure[] = [
  areaFigure('outreach.figures.events', '次', 'outreach_events.date', (ctx, from, to) => {
    return heldTotals(ctx, { from, to }).events;
  }),
  areaFigure('outreach.figures.audience', '人次', 'outreach_events.date', (ctx, from, to) => {
    return heldTotals(ctx, { from, to }).audience;
  }),
];
