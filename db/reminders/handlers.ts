import { and, desc, eq, gte, inArray, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import { can, demand } from '../access/policy';
import { accounts } from '../accounts/schema';
import { type Ctx, method, type ReadCtx } from '../api/define';
import { ApiError } from '../api/errors';
import { missingNextYear } from '../calendar/model';
import { addDays } from '../calendar/workdays';
import { today } from '../children/model';
import { children } from '../children/schema';
import { t } from '../i18n';
import { referralNumber } from '../referrals/model';
import { referrals } from '../referrals/schema';
import { readDue } from './due';
import { boardInput, snoozeInput } from './inputs';
import { collectReminders, PRIORITY, REMINDER_KINDS, type Reminder } from './rules';
import { reminderSnoozes } from './schema';

export type ReminderGroup = 'overdue' | 'today' | 'week' | 'upcoming';

export interface ReminderItem extends Reminder {
  title: string;
  priority: number;
  group: ReminderGroup;
  /** Whether this reader may put it off (policy.ts): the board shows the button by it. */
  snoozable: boolean;
}

export interface Board {
  groups: Record<ReminderGroup, ReminderItem[]>;
  counts: Record<ReminderGroup, number>;
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

// One collator for every sort: localeCompare(…, 'zh') builds one per call, which at a
// thousand items was most of the board's own time.
const byName = new Intl.Collator('zh');

/**
 * The board for one owner (or everyone), as the reader sees it: the reader's own snoozes left
 * out until their date (a snooze is per user), and a counselling follow-up only for someone
 * who may read counselling (it carries the next session's date; a crisis flag shows to all).
 */
export function buildBoard(ctx: ReadCtx, ownerId: string | null): Board {
  const day = today(ctx);
  const weekEnd = addDays(day, 7);
  // One caseworker's board, seen by a supervisor, shows as that caseworker sees it: the
  // supervisor snoozes for them there. Anyone else sees their own snoozes.
  const snoozesOf = ownerId && can(ctx.user, 'snoozeForOthers') ? ownerId : ctx.user.id;
  const snoozes = new Map(
    ctx.db
      .select()
      .from(reminderSnoozes)
      .where(and(eq(reminderSnoozes.userId, snoozesOf), gte(reminderSnoozes.until, day)))
      .all()
      .map((s) => [s.key, s.until]),
  );
  const groups: Board['groups'] = { overdue: [], today: [], week: [], upcoming: [] };
  let snoozed = 0;
  // Stored items (kept current by every write) and the few worked out for the day itself.
  const items = [
    ...readDue(ctx, day, ownerId),
    ...collectReminders(ctx, day, { ownerId: ownerId ?? undefined, part: 'live' }),
  ];
  for (const { showsFrom: _from, showsUntil: _until, ...r } of items) {
    // A follow-up's date is for those who follow the child's counselling: counselling staff, and the
    // owner, who reads what the counsellor shares.
    if (r.kind === 'counsellingFollowUp' && !can(ctx.user, 'readCounsellingShared', { ownerId: r.ownerId }))
      continue;
    const until = snoozes.get(r.key);
    if (until && until > day) {
      snoozed++;
      continue;
    }
    const group = groupOf(r.due, day, weekEnd);
    groups[group].push({
      ...r,
      group,
      priority: PRIORITY[r.kind],
      snoozable: can(ctx.user, 'snooze', { reminderKind: r.kind, ownerId: r.ownerId }),
      title: t(`reminders.kind.${r.kind}`, r.facts as Record<string, string>),
    });
  }
  for (const list of Object.values(groups)) {
    list.sort(
      (a, b) =>
        a.priority - b.priority ||
        (a.due < b.due ? -1 : a.due > b.due ? 1 : 0) ||
        byName.compare(a.childName, b.childName),
    );
  }
  const counts = {
    overdue: groups.overdue.length,
    today: groups.today.length,
    week: groups.week.length,
    upcoming: groups.upcoming.length,
  };
  return { groups, counts, badge: counts.overdue + counts.today + counts.week, snoozed };
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

export const reminderMethods = {
  'reminders.board': method({
    input: boardInput,
    access: 'user',
    kind: 'read',
    handler: (ctx, input): Board & { calendarMissingYear: number | null } => ({
      ...buildBoard(ctx, input.ownerId === undefined ? ctx.user.id : input.ownerId),
      calendarMissingYear: adminCalendarReminder(ctx),
    }),
  }),

  'reminders.badge': method({
    input: z.object({}).strict(),
    access: 'user',
    kind: 'read',
    handler: (ctx): { count: number } => ({ count: buildBoard(ctx, ctx.user.id).badge }),
  }),

  'reminders.snooze': method({
    input: snoozeInput,
    access: 'user',
    kind: 'write',
    handler: (ctx, input): null => {
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
    },
  }),

  /** 首页: my reminders due now and this week, my children at red or orange risk, recent referrals. */
  'home.summary': method({
    input: z.object({}).strict(),
    access: 'user',
    kind: 'read',
    handler: (ctx) => {
      const board = buildBoard(ctx, ctx.user.id);
      const risky = ctx.db
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
            inArray(children.riskLevel, ['red', 'orange']),
          ),
        )
        .orderBy(sql`CASE ${children.riskLevel} WHEN 'red' THEN 0 ELSE 1 END`, children.namePinyin)
        .limit(50)
        .all();
      const recent = ctx.db
        .select({ r: referrals })
        .from(referrals)
        .where(isNull(referrals.deletedAt))
        .orderBy(desc(referrals.receivedDate), desc(referrals.seq))
        .limit(8)
        .all();
      const ids = recent.map((x) => x.r.id);
      const names = ids.length
        ? (ctx.raw
            .prepare(
              `SELECT rc.referral_id AS referralId, c.name FROM referral_children rc JOIN children c ON c.id = rc.child_id
               WHERE rc.referral_id IN (${ids.map(() => '?').join(',')})`,
            )
            .all(...ids) as { referralId: string; name: string }[])
        : [];
      return {
        calendarMissingYear: adminCalendarReminder(ctx),
        overdue: board.groups.overdue,
        dueSoon: [...board.groups.today, ...board.groups.week],
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
    },
  }),
};
