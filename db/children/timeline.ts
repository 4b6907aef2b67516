import type { Ctx } from '../api/define';

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

type TimelineSource = (ctx: Ctx, childId: string) => TimelineItem[];

const sources = new Map<string, TimelineSource>();

/**
 * The extension point: each area registers one source when its module loads, and the
 * child's file shows everything without knowing which areas exist.
 */
export function registerTimelineSource(area: string, source: TimelineSource): void {
  sources.set(area, source);
}

/** Newest first; entries of equal time keep their source's order (the sort is stable). */
export function childTimeline(ctx: Ctx, childId: string): TimelineItem[] {
  const items: TimelineItem[] = [];
  for (const source of sources.values()) items.push(...source(ctx, childId));
  return items.sort((a, b) => (b.date === a.date ? (b.at ?? 0) - (a.at ?? 0) : b.date < a.date ? -1 : 1));
}
