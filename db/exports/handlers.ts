import type { z } from 'zod';
// 导出 Excel for every list: each export reads its rows, writes one .xlsx through writeXlsx
// (Chinese headers, frozen header row, auto filter) and records the file's SHA-256 in the
// audit log before the bytes are handed back. ID numbers are masked by the one mask helper;
// full numbers only for an administrator who gives a reason. Counselling leaves as counts and
// dates only, never its text.

import { can, refusal } from '../access/policy';
import { type Ctx, type Host, hostMethod } from '../api/define';
import { addMonths } from '../children/guardianship';
import { maskIdNumber } from '../children/idNumber';
import { keyMatch, today } from '../children/model';
import { isIdQuery, normalizeQuery } from '../children/search';
import { t } from '../i18n';
import { outreachExportInput } from '../outreach/inputs';
import { outreachExportRows } from '../outreach/model';
import { reliefListInput } from '../relief/inputs';
import { reliefExportRows } from '../relief/model';
import { reportExportInput } from '../reports/inputs';
import { reportExportRows } from '../reports/model';
import { suitListInput } from '../suits/inputs';
import { suitExportRows } from '../suits/model';
import { childrenExportInput, listExportInput } from './inputs';
import { writeXlsx, type XlsxColumn, type XlsxFile, type XlsxValue } from './xlsx';

interface Sheet {
  kind: string;
  title: string;
  columns: string[];
  rows: XlsxValue[][];
  detail?: Record<string, unknown>;
}

const code = (group: string, value: string | null | undefined): string | null =>
  value ? t(`codes.${group}.${value}` as never) : null;
/** A list's column headers from the catalog (ledger.export.columns.<list>.<column>). */
const headers = (list: string, keys: string[]) =>
  keys.map((k) => t(`ledger.export.columns.${list}.${k}` as never));
const stamp = (ms: number | null) => (ms ? new Date(ms).toISOString().slice(0, 10) : null);

async function exportSheet(host: Host, build: (ctx: Ctx) => Sheet): Promise<XlsxFile> {
  const sheet = build(host.ctx());
  const day = today(host.ctx()).replaceAll('-', '');
  const columns: XlsxColumn[] = sheet.columns.map((header) => ({ header }));
  const file = await writeXlsx(`${sheet.title}-${day}.xlsx`, sheet.title, columns, sheet.rows);
  host.transaction((ctx) =>
    ctx.audit.write({
      action: 'exports.xlsx',
      entity: 'export',
      detail: {
        kind: sheet.kind,
        fileName: file.fileName,
        sha256: file.sha256,
        rows: file.rows,
        ...sheet.detail,
      },
    }),
  );
  return file;
}

function childrenSheet(ctx: Ctx, input: ReturnType<typeof childrenExportInput.parse>): Sheet {
  const { fullIds, sort, order, query, ...filters } = input;
  // A whole list leaves the machine: full numbers only for those the policy lets see any child's.
  if (fullIds && !can(ctx.user, 'exportFullId')) {
    throw refusal('exports.children', { entity: 'export' }, t('ledger.export.fullIdsAdminOnly'));
  }
  const where: string[] = ['c.deleted_at IS NULL'];
  const params: unknown[] = [];
  const q = query ? normalizeQuery(query) : '';
  if (q && isIdQuery(q) && q.length === 18) {
    // The same rule as the list (issue 11, item 3): a whole number matches exactly…
    where.push('c.id_number = ?');
    params.push(q.toUpperCase());
  } else if (q) {
    // The list's own match (a short query is one key, a longer one a range), so the file holds
    // the children the list showed.
    const m = keyMatch(ctx.raw, q);
    where.push(`c.id IN (SELECT k.child_id FROM ${m.from} WHERE ${m.where})`);
    params.push(...m.params);
    // …and a fragment searches only children whose full number the reader may see.
    if (isIdQuery(q) && !can(ctx.user, 'searchIdFragment')) {
      where.push('c.owner_id = ?');
      params.push(ctx.user.id);
    }
  }
  for (const [col, value] of [
    ['c.status', filters.status],
    ['c.risk_level', filters.riskLevel],
    ['c.township', filters.township],
    ['c.owner_id', filters.ownerId],
  ] as const) {
    if (value) {
      where.push(`${col} = ?`);
      params.push(value);
    }
  }
  if (filters.category) {
    where.push('EXISTS (SELECT 1 FROM json_each(c.categories) WHERE value = ?)');
    params.push(filters.category);
  }
  if (filters.ageBand) {
    // The list's own reading of an age band: born after today−(to+1) years, on or before today−from.
    const [from, to] = filters.ageBand.split('-').map(Number);
    const day = today(ctx);
    where.push('c.birth_date > ? AND c.birth_date <= ?');
    params.push(addMonths(day, -12 * (to + 1)), addMonths(day, -12 * from));
  }
  const orderBy = {
    name: 'c.name_pinyin, c.name',
    birthDate: 'c.birth_date',
    createdAt: 'c.created_at',
    updatedAt: 'c.updated_at',
    riskLevel: "CASE c.risk_level WHEN 'red' THEN 0 WHEN 'orange' THEN 1 WHEN 'yellow' THEN 2 ELSE 3 END",
  }[sort];
  const rows = ctx.raw
    .prepare(
      `SELECT c.name, c.gender, c.birth_date AS birthDate, c.id_number AS idNumber, c.township, c.village,
        c.school, c.grade, c.categories, c.risk_level AS risk, c.status, a.display_name AS owner, c.created_at AS createdAt
       FROM children c LEFT JOIN accounts a ON a.id = c.owner_id
       WHERE ${where.join(' AND ')} ORDER BY ${orderBy} ${order === 'desc' ? 'DESC' : 'ASC'}, c.id`,
    )
    .all(...params) as Record<string, string | number | null>[];
  return {
    kind: 'children',
    title: t('children.title'),
    columns: [
      t('children.fields.name'),
      t('children.fields.gender'),
      t('children.fields.birthDate'),
      t('children.fields.idNumber'),
      t('children.fields.township'),
      t('children.fields.village'),
      t('children.fields.school'),
      t('children.fields.grade'),
      t('children.fields.categories'),
      t('children.fields.riskLevel'),
      t('children.fields.status'),
      t('children.fields.owner'),
      t('children.fields.createdAt'),
    ],
    rows: rows.map((r) => [
      r.name,
      code('gender', r.gender as string),
      r.birthDate,
      fullIds ? r.idNumber : maskIdNumber(r.idNumber as string | null),
      r.township,
      r.village,
      r.school,
      r.grade,
      (JSON.parse(String(r.categories ?? '[]')) as string[]).map((c) => code('category', c)).join('、'),
      code('risk', r.risk as string),
      code('childStatus', r.status as string),
      r.owner,
      stamp(r.createdAt as number),
    ]),
    detail: {
      filters: { ...filters, ...(query ? { query: true } : {}) },
      ...(fullIds ? { fullIds: true, reason: fullIds.reason } : {}),
    },
  };
}

function referralsSheet(ctx: Ctx): Sheet {
  const rows = ctx.raw
    .prepare(
      `SELECT r.year, r.seq, r.source_department AS dept, r.source_case_number AS caseNo, r.received_date AS received,
        r.urgency, r.status, r.verify_due AS verifyDue,
        (SELECT group_concat(c.name, '、') FROM referral_children rc JOIN children c ON c.id = rc.child_id WHERE rc.referral_id = r.id) AS kids,
        (SELECT group_concat(a.agency, '、') FROM referral_actions a WHERE a.referral_id = r.id AND a.deleted_at IS NULL AND a.withdrawn_at IS NULL) AS agencies
       FROM referrals r WHERE r.deleted_at IS NULL ORDER BY r.year DESC, r.seq DESC`,
    )
    .all() as Record<string, string | number | null>[];
  return {
    kind: 'referrals',
    title: t('ledger.export.sheets.referrals'),
    columns: headers('referrals', [
      'number',
      'department',
      'caseNumber',
      'received',
      'urgency',
      'status',
      'verifyDue',
      'children',
      'agencies',
    ]),
    rows: rows.map((r) => [
      t('codes.referralNumber', { year: r.year as number, seq: r.seq as number }),
      r.dept,
      r.caseNo,
      r.received,
      code('urgency', r.urgency as string),
      code('referralStatus', r.status as string),
      r.verifyDue,
      r.kids,
      r.agencies,
    ]),
  };
}

function ordersSheet(ctx: Ctx): Sheet {
  const rows = ctx.raw
    .prepare(
      `SELECT o.prefix, o.year, o.seq, c.name AS child, o.status, o.issue_date AS issued, o.delivery_method AS delivery,
        o.delivery_date AS delivered, o.observation_start AS obsStart, o.observation_end AS obsEnd, o.evaluation, o.outcome
       FROM guardianship_orders o JOIN children c ON c.id = o.child_id
       WHERE o.deleted_at IS NULL ORDER BY o.created_at DESC`,
    )
    .all() as Record<string, string | number | null>[];
  return {
    kind: 'orders',
    title: t('ledger.export.sheets.orders'),
    columns: headers('orders', [
      'number',
      'child',
      'status',
      'issued',
      'delivery',
      'delivered',
      'obsStart',
      'obsEnd',
      'evaluation',
      'outcome',
    ]),
    rows: rows.map((r) => [
      r.seq
        ? t('codes.orderNumber', {
            prefix: String(r.prefix ?? ''),
            year: r.year as number,
            seq: r.seq as number,
          })
        : null,
      r.child,
      code('orderStatus', r.status as string),
      r.issued,
      code('deliveryMethod', r.delivery as string),
      r.delivered,
      r.obsStart,
      r.obsEnd,
      code('evaluation', r.evaluation as string),
      code('outcome', r.outcome as string),
    ]),
  };
}

function plansSheet(ctx: Ctx): Sheet {
  const rows = ctx.raw
    .prepare(
      `SELECT c.name AS child, p.kind, p.status, p.provider, p.start_date AS start, p.end_date AS end,
        p.sessions_per_month AS perMonth, p.completed_date AS completed, p.final_result AS result,
        (SELECT count(*) FROM guidance_sessions s WHERE s.plan_id = p.id AND s.deleted_at IS NULL) AS sessions
       FROM guidance_plans p JOIN children c ON c.id = p.child_id
       WHERE p.deleted_at IS NULL ORDER BY p.created_at DESC`,
    )
    .all() as Record<string, string | number | null>[];
  return {
    kind: 'plans',
    title: t('ledger.export.sheets.plans'),
    columns: headers('plans', [
      'child',
      'kind',
      'status',
      'provider',
      'start',
      'end',
      'perMonth',
      'sessions',
      'completed',
      'result',
    ]),
    rows: rows.map((r) => [
      r.child,
      code('planKind', r.kind as string),
      code('planStatus', r.status as string),
      r.provider,
      r.start,
      r.end,
      r.perMonth,
      r.sessions,
      r.completed,
      code('evaluation', r.result as string),
    ]),
  };
}

function admonitionsSheet(ctx: Ctx): Sheet {
  const rows = ctx.raw
    .prepare(
      `SELECT c.name AS child, a.date, a.place, p.name AS guardian, a.delivered_by AS by
       FROM admonitions a JOIN children c ON c.id = a.child_id LEFT JOIN persons p ON p.id = a.guardian_person_id
       WHERE a.deleted_at IS NULL ORDER BY a.date DESC`,
    )
    .all() as Record<string, string | null>[];
  return {
    kind: 'admonitions',
    title: t('ledger.export.sheets.admonitions'),
    columns: headers('admonitions', ['child', 'date', 'place', 'guardian', 'by']),
    rows: rows.map((r) => [r.child, r.date, r.place, r.guardian, r.by]),
  };
}

/** Per child: how many assessments, sessions and referrals, and when — never what was said. */
function counsellingSheet(ctx: Ctx): Sheet {
  const rows = ctx.raw
    .prepare(
      `SELECT c.name AS child,
        (SELECT count(*) FROM psych_assessments x WHERE x.child_id = c.id AND x.deleted_at IS NULL) AS assessments,
        (SELECT max(date) FROM psych_assessments x WHERE x.child_id = c.id AND x.deleted_at IS NULL) AS lastAssessment,
        (SELECT count(*) FROM counselling_sessions x WHERE x.child_id = c.id AND x.deleted_at IS NULL) AS sessions,
        (SELECT coalesce(sum(minutes), 0) FROM counselling_sessions x WHERE x.child_id = c.id AND x.deleted_at IS NULL) AS minutes,
        (SELECT max(date) FROM counselling_sessions x WHERE x.child_id = c.id AND x.deleted_at IS NULL) AS lastSession,
        (SELECT min(next_follow_up) FROM counselling_sessions x WHERE x.child_id = c.id AND x.deleted_at IS NULL AND next_follow_up IS NOT NULL) AS nextFollowUp,
        (SELECT count(*) FROM treatment_referrals x WHERE x.child_id = c.id AND x.deleted_at IS NULL) AS referrals
       FROM children c
       WHERE c.deleted_at IS NULL AND (
         EXISTS (SELECT 1 FROM psych_assessments x WHERE x.child_id = c.id AND x.deleted_at IS NULL)
         OR EXISTS (SELECT 1 FROM counselling_sessions x WHERE x.child_id = c.id AND x.deleted_at IS NULL)
         OR EXISTS (SELECT 1 FROM treatment_referrals x WHERE x.child_id = c.id AND x.deleted_at IS NULL))
       ORDER BY c.name_pinyin`,
    )
    .all() as Record<string, string | number | null>[];
  return {
    kind: 'counselling',
    title: t('ledger.export.sheets.counselling'),
    columns: headers('counselling', [
      'child',
      'assessments',
      'lastAssessment',
      'sessions',
      'minutes',
      'lastSession',
      'nextFollowUp',
      'referrals',
    ]),
    rows: rows.map((r) => [
      r.child,
      r.assessments,
      r.lastAssessment,
      r.sessions,
      r.minutes,
      r.lastSession,
      r.nextFollowUp,
      r.referrals,
    ]),
    detail: { textIncluded: false },
  };
}

function visitsSheet(ctx: Ctx): Sheet {
  const rows = ctx.raw
    .prepare(
      `SELECT c.name AS child, v.date, v.kind, v.place, v.visitors, v.status, v.next_visit_date AS next
       FROM visits v JOIN children c ON c.id = v.child_id
       WHERE v.deleted_at IS NULL AND v.status = 'final' ORDER BY v.date DESC`,
    )
    .all() as Record<string, string | null>[];
  return {
    kind: 'visits',
    title: t('ledger.export.sheets.visits'),
    columns: headers('visits', ['child', 'date', 'kind', 'place', 'visitors', 'next']),
    rows: rows.map((r) => [r.child, r.date, code('visitKind', r.kind), r.place, r.visitors, r.next]),
  };
}

/** An area's own register rows (its model's exportRows: Chinese headers, codes already labelled). */
interface AreaTable {
  columns: { key: string; header: string }[];
  rows: Record<string, string | number | null>[];
}

function areaSheet(kind: string, title: string, table: AreaTable, filters: object): Sheet {
  return {
    kind,
    title,
    columns: table.columns.map((c) => c.header),
    rows: table.rows.map((r) => table.columns.map((c) => r[c.key] ?? null)),
    detail: { filters },
  };
}

const listExport = (build: (ctx: Ctx) => Sheet) =>
  hostMethod({
    input: listExportInput,
    access: 'user',
    kind: 'host',
    handler: (host): Promise<XlsxFile> => exportSheet(host, build),
  });

const reliefInput = reliefListInput.pick({ status: true, year: true });

const suitsInput = suitListInput.pick({ status: true, kind: true });

export const exportMethods = {
  'exports.children': hostMethod({
    input: childrenExportInput,
    access: 'user',
    kind: 'host',
    handler: children,
  }),
  'exports.referrals': listExport(referralsSheet),
  'exports.orders': listExport(ordersSheet),
  'exports.plans': listExport(plansSheet),
  'exports.admonitions': listExport(admonitionsSheet),
  'exports.counselling': listExport(counsellingSheet),
  'exports.visits': listExport(visitsSheet),
  // The four later duties (issue 17): each exports exactly its list's filter, as the screen has it.
  'exports.mandatoryReports': hostMethod({
    input: reportExportInput,
    access: 'user',
    kind: 'host',
    handler: mandatoryReports,
  }),
  'exports.outreach': hostMethod({
    input: outreachExportInput,
    access: 'user',
    kind: 'host',
    handler: outreach,
  }),
  'exports.relief': hostMethod({
    input: reliefInput,
    access: 'user',
    kind: 'host',
    handler: relief,
  }),
  'exports.suits': hostMethod({
    input: suitsInput,
    access: 'user',
    kind: 'host',
    handler: suits,
  }),
};

function children(host: Host, input: z.output<typeof childrenExportInput>): Promise<XlsxFile> {
  return exportSheet(host, (ctx) => childrenSheet(ctx, input));
}

function mandatoryReports(host: Host, input: z.output<typeof reportExportInput>): Promise<XlsxFile> {
  return exportSheet(host, (ctx) =>
    areaSheet('mandatoryReports', t('mandatoryReports.title'), reportExportRows(ctx, input), input),
  );
}

function outreach(host: Host, input: z.output<typeof outreachExportInput>): Promise<XlsxFile> {
  return exportSheet(host, (ctx) =>
    areaSheet('outreach', t('outreach.title'), outreachExportRows(ctx, input), input),
  );
}

function relief(host: Host, input: z.output<typeof reliefInput>): Promise<XlsxFile> {
  return exportSheet(host, (ctx) =>
    areaSheet('relief', t('relief.title'), reliefExportRows(ctx, input), input),
  );
}

function suits(host: Host, input: z.output<typeof suitsInput>): Promise<XlsxFile> {
  return exportSheet(host, (ctx) => areaSheet('suits', t('suits.title'), suitExportRows(ctx, input), input));
}
