import { and, eq, sql } from 'drizzle-orm';
import { emptyInput } from '../accounts/inputs';
import { accounts } from '../accounts/schema';
import { type Ctx, method, type ReadCtx } from '../api/define';
import { ApiError } from '../api/errors';
import { created } from '../common/records';
import { t } from '../i18n';
import { moveDerivedDeadlines } from '../referrals/model';
import type { CalendarSource } from './codes';
import { type CalendarSaveInput, calendarPreviewInput, calendarSaveInput } from './inputs';
import { calendarOf, freshWorkdays, invalidateCalendar, missingNextYear, shippedYear } from './model';
import { type Festival, parseNotice } from './notice';
import { checkYear, flattenFestivals, type RuleProblem } from './rules';
import { calendarYears } from './schema';
import type { HolidayCalendar } from './workdays';

export const calendarMethods = {
  'calendar.get': method({ input: emptyInput, access: 'user', kind: 'read', handler: getCalendar }),
  'calendar.list': method({ input: emptyInput, access: ['admin'], kind: 'read', handler: listYears }),
  'calendar.preview': method({
    input: calendarPreviewInput,
    access: ['admin'],
    kind: 'read',
    handler: previewYear,
  }),
  'calendar.save': method({ input: calendarSaveInput, access: ['admin'], kind: 'write', handler: saveYear }),
};

export interface CalendarYearView {
  year: number;
  source: CalendarSource;
  /** Named festivals for an entered year; the shipped file has only dates. */
  festivals: Festival[] | null;
  holidays: string[];
  workdays: string[];
  updatedAt: number | null;
  updatedByName: string | null;
  version: number | null;
}

/** The merged calendar, for counting previews in the renderer the same way the core does. */
function getCalendar(ctx: ReadCtx): HolidayCalendar {
  return calendarOf(ctx).calendar;
}

function listYears(ctx: ReadCtx): { years: CalendarYearView[]; missingYear: number | null } {
  const { calendar, sources } = calendarOf(ctx);
  const rows = new Map(
    ctx.db
      .select({ y: calendarYears, name: accounts.displayName })
      .from(calendarYears)
      .leftJoin(accounts, eq(accounts.id, calendarYears.updatedBy))
      .all()
      .map((r) => [r.y.year, r]),
  );
  const years = Object.keys(calendar.years)
    .map(Number)
    .sort((a, b) => a - b)
    .map((year): CalendarYearView => {
      const row = rows.get(year);
      const days = calendar.years[String(year)];
      return {
        year,
        source: sources[String(year)],
        festivals: row ? row.y.festivals : null,
        holidays: days.holidays,
        workdays: days.workdays,
        updatedAt: row?.y.updatedAt ?? null,
        updatedByName: row?.name ?? null,
        version: row?.y.version ?? null,
      };
    });
  return { years, missingYear: missingNextYear(ctx) };
}

export interface ParsedYear {
  festivals: Festival[];
  holidays: string[];
  workdays: string[];
  /** The notice's own problems and the rules' together; nothing is saved while there is one. */
  problems: string[];
  /** Set when the year is already there: saving it is a correction. */
  existing: { source: CalendarSource; version: number | null } | null;
}

function existingYear(ctx: ReadCtx, year: number): ParsedYear['existing'] {
  const row = ctx.db.select().from(calendarYears).where(eq(calendarYears.year, year)).get();
  if (row && row.deletedAt === null) return { source: row.source, version: row.version };
  return shippedYear(year) ? { source: 'shipped', version: null } : null;
}

/** Reads a pasted notice, or takes the festivals entered by hand, and checks them for confirmation; saves nothing. */
function previewYear(
  ctx: ReadCtx,
  input: { year: number; text?: string; festivals?: Festival[] },
): ParsedYear {
  const parsed =
    input.text !== undefined
      ? parseNotice(input.text, input.year)
      : { festivals: input.festivals ?? [], problems: [] };
  // Rules are checked on a clean reading: on a misread notice they would only repeat its problems.
  const rules =
    parsed.festivals.length && parsed.problems.length === 0
      ? checkYear(input.year, parsed.festivals).map((p) => p.message)
      : [];
  return {
    festivals: parsed.festivals,
    ...flattenFestivals(parsed.festivals),
    problems: [...parsed.problems, ...rules],
    existing: existingYear(ctx, input.year),
  };
}

function refuse(problems: RuleProblem[]): never {
  const fields: Record<string, string> = {};
  for (const p of problems) fields[p.path] = fields[p.path] ? `${fields[p.path]}；${p.message}` : p.message;
  throw new ApiError('VALIDATION', problems[0]?.message ?? t('errors.validation'), fields);
}

function sourceLabel(source: CalendarSource): string {
  return t(`calendar.source.${source}`);
}

/**
 * Saves a year, overriding the shipped file for it, and re-counts the stored deadlines it moves,
 * in one transaction with the audit rows.
 */
function saveYear(ctx: Ctx, input: CalendarSaveInput): { year: number; moved: number } {
  const { year, festivals } = input;
  const problems = checkYear(year, festivals);
  if (input.source === 'notice' && input.noticeText) {
    // The confirmed festivals must still be what the notice says, and the notice sound.
    problems.unshift(
      ...parseNotice(input.noticeText, year).problems.map((message) => ({ path: 'noticeText', message })),
    );
  }
  if (problems.length) refuse(problems);

  const existing = existingYear(ctx, year);
  if (existing && !input.replace) {
    throw new ApiError(
      'VALIDATION',
      t('calendar.rules.yearPresent', { year, source: sourceLabel(existing.source) }),
      {
        year: t('calendar.rules.yearPresent', { year, source: sourceLabel(existing.source) }),
      },
    );
  }

  const before = freshWorkdays(ctx);
  const days = flattenFestivals(festivals);
  const values = { festivals, ...days, source: input.source, noticeText: input.noticeText ?? null };
  const row = ctx.db.select().from(calendarYears).where(eq(calendarYears.year, year)).get();
  if (row) {
    const updated = ctx.db
      .update(calendarYears)
      .set({
        ...values,
        deletedAt: null,
        version: sql`${calendarYears.version} + 1`,
        updatedAt: ctx.clock.now(),
        updatedBy: ctx.user.id,
      })
      .where(and(eq(calendarYears.year, year), eq(calendarYears.version, input.version ?? -1)))
      .run();
    if (updated.changes !== 1) throw new ApiError('CONFLICT', t('calendar.rules.stale', { year }));
  } else {
    ctx.db
      .insert(calendarYears)
      .values({ year, ...values, ...created(ctx) })
      .run();
  }
  // Dropped inside the transaction: nothing below reads the cached counter, and after a rollback
  // the next read simply loads the committed years again.
  invalidateCalendar(ctx);
  const moved = moveDerivedDeadlines(ctx, before, freshWorkdays(ctx), year);
  ctx.audit.write({
    action: 'calendar.save',
    entity: 'calendarYear',
    entityId: String(year),
    detail: {
      year,
      source: input.source,
      replaced: existing?.source ?? null,
      holidays: days.holidays.length,
      workdays: days.workdays.length,
      moved,
    },
  });
  return { year, moved };
}
