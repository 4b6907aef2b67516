import { and, desc, eq, gt, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import { can, demand } from '../access/policy';
import { accounts } from '../accounts/schema';
import { type Ctx, method, type ReadCtx } from '../api/define';
import { ApiError } from '../api/errors';
import { missingNextYear } from '../calendar/model';
import { addDays } from '../calendar/workdays';
import { today } from '../children/model';
import { children } from '../children/schema';
import { cached } from '../core/statements';
import { t } from '../i18n';
import { referralNumber } from '../referrals/model';
import { referrals } from '../referrals/schema';
import {
  BOARD_PAGE,
  boardInput,
  COUNT_CAP,
  REMINDER_GROUPS,
  type ReminderGroup,
  snoozeInput,
} from './inputs';
import { collectReminders, PRIORITY, REMINDER_KINDS, type Reminder } from './rules';
import { reminderSnoozes } from './schema';

const badgeInput = z.object({}).strict();

const summaryInput = z.object({}).strict();

export const reminderMethods = {
  'reminders.board': method({
    input: boardInput,
    access: 'user',
    kind: 'read',
    handler: board,
  }),

  'reminders.badge': method({
    input: badgeInput,
    access: 'user',
    kind: 'read',
    handler: badge,
  }),

  'reminders.snooze': method({
    input: snoozeInput,
    access: 'user',
    kind: 'write',
    handler: snooze,
  }),

  /** 首页: my reminders due now and this week, my children at red or orange risk, recent referrals. */
  'home.summary': method({
    input: summaryInput,
    access: 'user',
    kind: 'read',
    handler: summary,
  }),
};

export type { ReminderGroup } from './inputs';

export interface ReminderItem extends Reminder {
  title: string;
  priority: number;
  group: ReminderGroup;
  /** Whether this reader may put it off (policy.ts): the board shows the button by it. */
  snoozable: boolean;
}

export interface Board {
  /** The first items of each column in board order (BOARD_PAGE, or the limit asked for). */
  groups: Record<ReminderGroup, ReminderItem[]>;
  /** Exact up to COUNT_CAP; a column with more says so in `capped` and counts COUNT_CAP. */
  counts: Record<ReminderGroup, number>;
  capped: Record<ReminderGroup, boolean>;
  /** What the navigation badge shows: overdue, today and this week. */
  badge: number;
  snoozed: number;
}

function groupOf(due: string, day: string, weekEnd: string): ReminderGroup {
  if (due < day) return 'overdue';
  if (due === day) return 'today';
  if (due <= weekEnd) return 'week';
  return 'upcoming';
}

/** A column's dates, as stored ('' is due the day it is read). */
const GROUP_RANGE: Record<ReminderGroup, string> = {
  overdue: `r.due > '' AND r.due < @day`,
  today: `(r.due = @day OR r.due = '')`,
  week: `r.due > @day AND r.due <= @weekEnd`,
  upcoming: `r.due > @weekEnd`,
};

/**
 * The board's order: what is due now by priority, then date, then the child's name in pinyin;
 * what lies ahead by date first. The key makes it total, so a longer page starts as the shorter.
 */
const byPriority = (a: Sortable, b: Sortable) =>
  a.priority - b.priority || cmp(a.sortDue, b.sortDue) || cmp(a.sortName, b.sortName) || cmp(a.key, b.key);
const byDate = (a: Sortable, b: Sortable) =>
  cmp(a.sortDue, b.sortDue) || a.priority - b.priority || cmp(a.sortName, b.sortName) || cmp(a.key, b.key);
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

interface Sortable {
  priority: number;
  /** The due date as stored ('' for due the day read), as the indexes order it. */
  sortDue: string;
  sortName: string;
  key: string;
}

/** An item made only when it lands on a page: a column holds hundreds, a page shows few. */
type Candidate = Sortable & { item: () => ReminderItem };

/**
 * Each column read off the indexes of reminder_due (schema.ts) in board order, a page at a
 * time, and counted up to COUNT_CAP: a board at 100,000 children costs a few pages, not every
 * item. The items of children a write around the API left stale (due.ts) are worked out here
 * and merged in; nothing is left out of a count.
 */
export function buildBoard(
  ctx: ReadCtx,
  ownerId: string | null,
  limits: Partial<Record<ReminderGroup, number>> = {},
): Board {
  const day = today(ctx);
  const weekEnd = addDays(day, 7);
  // One caseworker's board, seen by a supervisor, shows as that caseworker sees it: the
  // supervisor snoozes for them there. Anyone else sees their own snoozes.
  const snoozesOf = ownerId && can(ctx.user, 'snoozeForOthers') ? ownerId : ctx.user.id;
  // A follow-up's date is for those who follow the child's counselling: counselling staff, and the
  // owner, who reads what the counsellor shares. The policy answers for any owner and for one's own.
  const followUps = can(ctx.user, 'readCounsellingShared', { ownerId: null })
    ? ''
    : can(ctx.user, 'readCounsellingShared', { ownerId: ctx.user.id })
      ? `AND (r.kind <> 'counsellingFollowUp' OR r.owner_id = @me)`
      : `AND r.kind <> 'counsellingFollowUp'`;
  const stale = (
    cached(ctx.raw, 'SELECT child_id AS id FROM reminder_dirty WHERE child_id IS NOT NULL').all() as {
      id: string;
    }[]
  ).map((r) => r.id);
  const visible = `${ownerId === null ? '' : 'r.owner_id = @ownerId AND '}r.shows_from <= @day AND r.shows_until >= @day
    ${stale.length ? 'AND r.child_id NOT IN (SELECT child_id FROM reminder_dirty WHERE child_id IS NOT NULL)' : ''}
    ${followUps}`;
  const notSnoozed = `NOT EXISTS (SELECT 1 FROM reminder_snoozes s WHERE s.user_id = @snoozer AND s.key = r.key AND s.until > @day)`;
  const params = { day, weekEnd, ownerId, me: ctx.user.id, snoozer: snoozesOf };
  // The plans are pinned: a column is one index range, read in its order.
  const byOwner = ownerId !== null;
  const dateIndex = byOwner ? 'reminder_due_owner_date' : 'reminder_due_date';
  const priorityIndex = byOwner ? 'reminder_due_owner_priority' : 'reminder_due_priority';

  const toItem = (r: Omit<Reminder, 'facts'> & { facts: Reminder['facts'] }): ReminderItem => {
    const due = r.due || day;
    return {
      key: r.key,
      kind: r.kind,
      due,
      childId: r.childId,
      childName: r.childName,
      ownerId: r.ownerId,
      facts: r.facts,
      link: r.link,
      group: groupOf(due, day, weekEnd),
      priority: PRIORITY[r.kind],
      snoozable: can(ctx.user, 'snooze', { reminderKind: r.kind, ownerId: r.ownerId }),
      title: t(`reminders.kind.${r.kind}`, r.facts as Record<string, string>),
    };
  };

  // The items of children a write around the API left stale: worked out from the rules, filtered
  // as the SQL filters.
  const extra = (
    stale.length
      ? collectReminders(ctx, day, { ownerId: ownerId ?? undefined, childIds: stale, part: 'stored' }).filter(
          (r) => r.showsFrom <= day && r.showsUntil >= day,
        )
      : []
  ).filter(
    (r) => r.kind !== 'counsellingFollowUp' || can(ctx.user, 'readCounsellingShared', { ownerId: r.ownerId }),
  );
  let snoozed = 0;
  const extraBy: Record<ReminderGroup, Candidate[]> = { overdue: [], today: [], week: [], upcoming: [] };
  if (extra.length) {
    const snoozes = new Set(
      ctx.db
        .select({ key: reminderSnoozes.key })
        .from(reminderSnoozes)
        .where(and(eq(reminderSnoozes.userId, snoozesOf), gt(reminderSnoozes.until, day)))
        .all()
        .map((s) => s.key),
    );
    // Some rules read the pinyin with the child; only the other items' names are looked up.
    const unnamed = [...new Set(extra.filter((r) => r.sortName === undefined).map((r) => r.childId))];
    const names = new Map(
      unnamed.length
        ? (
            cached(
              ctx.raw,
              `SELECT id, name_pinyin AS p FROM children WHERE id IN (SELECT value FROM json_each(?))`,
            ).all(JSON.stringify(unnamed)) as { id: string; p: string }[]
          ).map((c) => [c.id, c.p])
        : [],
    );
    for (const r of extra) {
      if (snoozes.has(r.key)) {
        snoozed++;
        continue;
      }
      extraBy[groupOf(r.due || day, day, weekEnd)].push({
        item: () => toItem(r),
        priority: PRIORITY[r.kind],
        sortDue: r.due,
        sortName: r.sortName ?? names.get(r.childId) ?? '',
        key: r.key,
      });
    }
  }

  const groups: Board['groups'] = { overdue: [], today: [], week: [], upcoming: [] };
  const counts: Board['counts'] = { overdue: 0, today: 0, week: 0, upcoming: 0 };
  const capped: Board['capped'] = { overdue: false, today: false, week: false, upcoming: false };
  for (const g of REMINDER_GROUPS) {
    const where = `${GROUP_RANGE[g]} AND ${visible} AND ${notSnoozed}`;
    const counted = cached(
      ctx.raw,
      `SELECT count(*) AS n FROM (SELECT 1 FROM reminder_due r INDEXED BY ${dateIndex} WHERE ${where} LIMIT @cap)`,
    ).get({ ...params, cap: COUNT_CAP + 1 }) as { n: number };
    const total = counted.n + extraBy[g].length;
    counts[g] = Math.min(total, COUNT_CAP);
    capped[g] = total > COUNT_CAP;
    const limit = limits[g] ?? BOARD_PAGE;
    const ahead = g === 'upcoming';
    const rows = cached(
      ctx.raw,
      `SELECT r.child_id AS childId, r.owner_id AS ownerId, r.key, r.kind, r.due, r.child_name AS childName,
                r.facts, r.link, r.priority, r.sort_name AS sortName
         FROM reminder_due r INDEXED BY ${ahead ? dateIndex : priorityIndex} WHERE ${where}
         ORDER BY ${ahead ? 'r.due, r.priority' : 'r.priority, r.due'}, r.sort_name, r.key LIMIT @limit`,
    ).all({ ...params, limit }) as (Omit<Reminder, 'facts'> & {
      facts: string;
      priority: number;
      sortName: string;
    })[];
    const page: Candidate[] = rows.map((r) => ({
      item: () => toItem({ ...r, facts: JSON.parse(r.facts) as Reminder['facts'] }),
      priority: r.priority,
      sortDue: r.due,
      sortName: r.sortName,
      key: r.key,
    }));
    if (extraBy[g].length) page.push(...extraBy[g]);
    page.sort(ahead ? byDate : byPriority);
    groups[g] = page.slice(0, limit).map((c) => c.item());
  }
  // What this reader put off that would show: counted beside the board, never shown on it.
  const row = cached(
    ctx.raw,
    `SELECT count(*) AS n FROM reminder_snoozes s JOIN reminder_due r INDEXED BY reminder_due_key ON r.key = s.key
       WHERE s.user_id = @snoozer AND s.until > @day AND ${visible}`,
  ).get(params) as { n: number };
  snoozed += row.n;
  return { groups, counts, capped, badge: counts.overdue + counts.today + counts.week, snoozed };
}

/** Next year's 节假日安排 missing, from 1 December: only administrators can add it, so only they are told. */
function adminCalendarReminder(ctx: ReadCtx): number | null {
  return ctx.user.role === 'admin' ? missingNextYear(ctx) : null;
}

/** The owner of the child a counselling reminder is about (its key names the record). */
function reminderChildOwner(ctx: Ctx, key: string): string | null {
  const [kind, recordId] = key.split(':');
  if (kind !== 'crisis' && kind !== 'counsellingFollowUp') return null;
  const row = ctx.raw
    .prepare(
      `SELECT c.owner_id AS ownerId FROM children c WHERE c.id IN (
         SELECT child_id FROM counselling_sessions WHERE id = ?
         UNION ALL SELECT child_id FROM psych_assessments WHERE id = ?)`,
    )
    .get(recordId ?? '', recordId ?? '') as { ownerId: string | null } | undefined;
  if (!row) throw new ApiError('NOT_FOUND', t('errors.notFound'));
  return row.ownerId;
}

function board(
  ctx: ReadCtx,
  input: z.output<typeof boardInput>,
): Board & { calendarMissingYear: number | null } {
  return {
    ...buildBoard(ctx, input.ownerId === undefined ? ctx.user.id : input.ownerId, input.limits),
    calendarMissingYear: adminCalendarReminder(ctx),
  };
}

function badge(ctx: ReadCtx): { count: number } {
  return { count: buildBoard(ctx, ctx.user.id).badge };
}

function snooze(ctx: Ctx, input: z.output<typeof snoozeInput>): null {
  const day = today(ctx);
  if (input.until <= day)
    throw new ApiError('VALIDATION', t('errors.validation'), {
      until: t('validation.reminder.untilFuture'),
    });
  const kind = input.key.split(':')[0];
  if (!(REMINDER_KINDS as readonly string[]).includes(kind))
    throw new ApiError('NOT_FOUND', t('errors.notFound'));
  const userId = input.forUserId ?? ctx.user.id;
  if (userId !== ctx.user.id) {
    demand(ctx, 'snoozeForOthers', {
      method: 'reminders.snooze',
      entity: 'reminder',
      entityId: input.key,
    });
    const target = ctx.db.select().from(accounts).where(eq(accounts.id, userId)).get();
    if (!target || target.disabledAt !== null) throw new ApiError('NOT_FOUND', t('errors.notFound'));
  }
  // A crisis or counselling follow-up: only its owner, counselling staff or admins put it off.
  demand(ctx, 'snooze', {
    reminderKind: kind,
    ownerId: reminderChildOwner(ctx, input.key),
    method: 'reminders.snooze',
    entity: 'reminder',
    entityId: input.key,
  });
  ctx.db
    .insert(reminderSnoozes)
    .values({
      key: input.key,
      userId,
      until: input.until,
      reason: input.reason,
      createdAt: ctx.clock.now(),
      createdBy: ctx.user.id,
    })
    .onConflictDoUpdate({
      target: [reminderSnoozes.userId, reminderSnoozes.key],
      set: {
        until: input.until,
        reason: input.reason,
        createdAt: ctx.clock.now(),
        createdBy: ctx.user.id,
      },
    })
    .run();
  ctx.audit.write({
    action: 'reminders.snooze',
    entity: 'reminder',
    entityId: input.key,
    detail: { until: input.until, ...(userId !== ctx.user.id ? { forUserId: userId } : {}) },
  });
  return null;
}

/** How many of the caseworker's red and orange children 首页 lists. */
const RISKY_PAGE = 50;

function summary(ctx: ReadCtx) {
  const board = buildBoard(ctx, ctx.user.id);
  // Red first, then orange, each level a page read off children_owner_risk in name order: the
  // query stops at the limit instead of sorting every red and orange child of the caseworker.
  const riskyAt = (level: 'red' | 'orange', limit: number) =>
    limit <= 0
      ? []
      : ctx.db
          .select({
            id: children.id,
            name: children.name,
            riskLevel: children.riskLevel,
            riskReason: children.riskReason,
          })
          .from(children)
          .where(
            and(
              isNull(children.deletedAt),
              sql`${children.ownerId} = ${ctx.user.id}`,
              sql`${children.status} = 'active'`,
              eq(children.riskLevel, level),
            ),
          )
          .orderBy(children.namePinyin)
          .limit(limit)
          .all();
  const red = riskyAt('red', RISKY_PAGE);
  const risky = [...red, ...riskyAt('orange', RISKY_PAGE - red.length)];
  const recent = ctx.db
    .select({ r: referrals })
    .from(referrals)
    .where(isNull(referrals.deletedAt))
    .orderBy(desc(referrals.receivedDate), desc(referrals.seq))
    .limit(8)
    .all();
  const ids = recent.map((x) => x.r.id);
  const names = ids.length
    ? (cached(
        ctx.raw,
        `SELECT rc.referral_id AS referralId, c.name FROM referral_children rc JOIN children c ON c.id = rc.child_id
           WHERE rc.referral_id IN (SELECT value FROM json_each(?))`,
      ).all(JSON.stringify(ids)) as { referralId: string; name: string }[])
    : [];
  // The first page of each: 首页 links to the board for the rest.
  const dueSoon = [...board.groups.today, ...board.groups.week].slice(0, BOARD_PAGE);
  return {
    calendarMissingYear: adminCalendarReminder(ctx),
    overdue: board.groups.overdue,
    dueSoon,
    overdueCount: board.counts.overdue,
    overdueCapped: board.capped.overdue,
    dueSoonCount: Math.min(board.counts.today + board.counts.week, COUNT_CAP),
    dueSoonCapped:
      board.capped.today || board.capped.week || board.counts.today + board.counts.week > COUNT_CAP,
    badge: board.badge,
    riskyChildren: risky,
    recentReferrals: recent.map(({ r }) => ({
      id: r.id,
      number: referralNumber(r.year, r.seq),
      receivedDate: r.receivedDate,
      status: r.status,
      sourceDepartment: r.sourceDepartment,
      childNames: names.filter((n) => n.referralId === r.id).map((n) => n.name),
    })),
  };
}
