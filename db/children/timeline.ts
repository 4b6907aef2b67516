// A child's timeline: every area's entries on the child's file, newest first. The areas that
// contribute are listed here, in one place, so what the file shows does not depend on which
// modules happen to have loaded.
import type { ReadCtx } from '../api/define';
import { localDate } from '../common/dates';
import { cached } from '../core/statements';
import { counsellingTimeline } from '../counselling/model';
import { educationTimeline } from '../education/model';
import { labelOr, type MessageKey, t } from '../i18n';
import { ordersTimeline } from '../orders/model';
import { referralsTimeline } from '../referrals/model';
import { reliefTimeline } from '../relief/model';
import { mandatoryReportsTimeline } from '../reports/model';
import { suitsTimeline } from '../suits/model';
import { visitsTimeline } from '../visits/model';
import { type PersonLink, relationsOfChild } from './relations';

/** One entry on a child's timeline. Titles are Chinese, from the catalog, ready to show. */
export interface TimelineItem {
  /** YYYY-MM-DD, or an instant as epoch ms where the time of day matters. */
  date: string;
  at?: number;
  /** The area it comes from: 'children', 'referrals', … (children.timelineArea.* labels it). */
  area: string;
  title: string;
  detail?: string | null;
  /** What to open: a route the renderer knows, e.g. '/referrals/<id>'. */
  link?: string | null;
}

/**
 * A source of entries. `relations` is the child's relatives when the caller already read them
 * (the file does, for its own panels): a source that needs them takes them rather than read again.
 */
export type TimelineSource = (ctx: ReadCtx, childId: string, relations?: PersonLink[]) => TimelineItem[];

/**
 * Every source of a child's timeline, in the order entries of equal time are shown. A new area
 * with dated records adds its `<area>Timeline` from its model.ts here.
 */
export const TIMELINE_SOURCES: readonly TimelineSource[] = [
  childrenTimeline,
  counsellingTimeline,
  educationTimeline,
  ordersTimeline,
  referralsTimeline,
  visitsTimeline,
  reliefTimeline,
  mandatoryReportsTimeline,
  suitsTimeline,
];

/** Newest first; entries of equal time keep their source's order (the sort is stable). */
export function childTimeline(ctx: ReadCtx, childId: string, relations?: PersonLink[]): TimelineItem[] {
  const items: TimelineItem[] = [];
  for (const source of TIMELINE_SOURCES) items.push(...source(ctx, childId, relations));
  return items.sort((a, b) => (b.date === a.date ? (b.at ?? 0) - (a.at ?? 0) : b.date < a.date ? -1 : 1));
}

/** The child's own entries: the file's life (audited steps) and each relative's custody. */
const TIMELINE_ACTIONS: Record<string, MessageKey> = {
  'children.create': 'timeline.children.created',
  'children.update': 'timeline.children.updated',
  'children.close': 'timeline.children.closed',
  'children.reopen': 'timeline.children.reopened',
  'children.restore': 'timeline.children.restored',
};

const TIMELINE_SQL = `SELECT action, at, actor_name AS actorName, detail FROM audit_log
  WHERE entity = 'child' AND entity_id = ? AND action IN (${Object.keys(TIMELINE_ACTIONS)
    .map(() => '?')
    .join(',')})
  ORDER BY seq DESC`;

function childrenTimeline(ctx: ReadCtx, childId: string, relations?: PersonLink[]): TimelineItem[] {
  // Prepared once per connection: every opening of a file runs it.
  const rows = cached(ctx.raw, TIMELINE_SQL).all(childId, ...Object.keys(TIMELINE_ACTIONS)) as {
    action: string;
    at: number;
    actorName: string;
    detail: string;
  }[];
  const items: TimelineItem[] = rows.map((r) => {
    const detail = JSON.parse(r.detail) as { reason?: string };
    return {
      date: localDate(r.at),
      at: r.at,
      area: 'children',
      title: t(TIMELINE_ACTIONS[r.action]),
      detail:
        r.action === 'children.close' && detail.reason
          ? `${labelOr(`codes.closeReason.${detail.reason}`, detail.reason)}（${r.actorName}）`
          : r.actorName,
    };
  });
  for (const link of relations ?? relationsOfChild(ctx, childId)) {
    for (const c of link.custody) {
      const who = `${labelOr(`codes.relation.${link.relation}`, link.relation)} ${link.person.name}`;
      const measure = labelOr(`codes.custodyMeasure.${c.measure}`, c.measure);
      items.push({
        date: c.startDate,
        area: 'children',
        title: t('timeline.children.custodyStart', { measure }),
        detail: who,
      });
      if (c.actualRelease) {
        items.push({
          date: c.actualRelease,
          area: 'children',
          title: t('timeline.children.released'),
          detail: who,
        });
      } else if (c.expectedRelease) {
        items.push({
          date: c.expectedRelease,
          area: 'children',
          title: t('timeline.children.expectedRelease'),
          detail: who,
        });
      }
    }
  }
  return items;
}
