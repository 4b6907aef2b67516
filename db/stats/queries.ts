// Each figure's records as one SQL "base" query (see model.ts): the ledger aggregates it,
// the drill-down lists it, and the pre-counted cells (cells.ts) are kept from it.
import type { FigureKey } from './codes';

/**
 * Columns every base query yields: the record, its child (null for referrals), the date that
 * places it in the period (null for a stock), the child's township and caseworker (for a
 * referral: no township, and the caseworker who received it), a tag that splits a chart
 * (agency, outcome), and the extra a drill-down row shows (a document number, a parent id).
 */
export const COLUMNS = 'id, child_id, day, at, township, owner_id, tag, extra, ref';

// CROSS JOIN keeps the dated record outermost (SQLite never reorders it): the period's range
// on the record's date index, then each child by primary key, never the other way round.
// INDEXED BY: the planner has no statistics (nothing runs ANALYZE) and, left to itself, takes
// children_created or a status index for the same range and then reads every row; each figure
// names the index that answers it (children_stats answers from the index alone).
export const ON_FILE =
  'c.deleted_at IS NULL AND c.created_at < :endMs AND (c.closed_at IS NULL OR c.closed_at >= :endMs)';
/**
 * ON_FILE as two flows, for the pre-counted cells: a child is on file at an instant E when it
 * was registered before E and has not left before E, so the count on file is the children
 * registered before E less those both registered and closed before E, that is whose later of
 * the two instants falls before E. Each is a plain count of instants, summed by month.
 */
export const stockFlow = (at: string, where: string) =>
  `SELECT c.id AS id, c.id AS child_id, NULL AS day, ${at} AS at, c.township AS township,
      c.owner_id AS owner_id, NULL AS tag, NULL AS extra, NULL AS ref
    FROM children c WHERE c.deleted_at IS NULL${where}`;
/** Exactly the partial index's condition (children_stats_defacto), so the planner can use it. */
export const DEFACTO_CONDITION = `categories LIKE '%"deFactoUnsupported"%'`;

const childRecord = (table: string, alias: string, dateCol: string, extraWhere = '') =>
  `SELECT ${alias}.id AS id, ${alias}.child_id AS child_id, ${alias}.${dateCol} AS day, NULL AS at, c.township AS township,
     c.owner_id AS owner_id, NULL AS tag, NULL AS extra, NULL AS ref
   FROM ${table} ${alias} INDEXED BY ${table}_date CROSS JOIN children c INDEXED BY children_group ON c.id = ${alias}.child_id
   WHERE ${alias}.deleted_at IS NULL AND c.deleted_at IS NULL ${extraWhere}
     AND ${alias}.${dateCol} BETWEEN :from AND :to`;

/** A held 法治宣讲 event, in its own township, by whoever recorded it; value: its 受众人次. */
const outreachRecord = `SELECT e.id AS id, NULL AS child_id, e.date AS day, NULL AS at, e.township AS township,
    e.created_by AS owner_id, e.topic AS tag, NULL AS extra, NULL AS ref, coalesce(e.audience_count, 0) AS value
  FROM outreach_events e INDEXED BY outreach_date
  WHERE e.deleted_at IS NULL AND e.status = 'held' AND e.date BETWEEN :from AND :to`;

/** A 国家司法救助 case by one of its dates; value: the decided amount in 分. */
const reliefRecord = (dateCol: string, extraWhere = '') =>
  `SELECT x.id AS id, x.child_id AS child_id, x.${dateCol} AS day, NULL AS at, c.township AS township,
     c.owner_id AS owner_id, NULL AS tag, NULL AS extra, NULL AS ref, coalesce(x.amount_fen, 0) AS value
   FROM judicial_relief x INDEXED BY relief_${dateCol} CROSS JOIN children c INDEXED BY children_group ON c.id = x.child_id
   WHERE x.deleted_at IS NULL AND c.deleted_at IS NULL ${extraWhere}
     AND x.${dateCol} BETWEEN :from AND :to`;

const suitRecord = (dateCol: string, extraWhere = '') =>
  `SELECT x.id AS id, x.child_id AS child_id, x.${dateCol} AS day, NULL AS at, c.township AS township,
     c.owner_id AS owner_id, x.decision AS tag, x.prefix || '/' || x.year || '/' || x.seq AS extra, NULL AS ref
   FROM suit_supports x INDEXED BY suits_${dateCol} CROSS JOIN children c INDEXED BY children_group ON c.id = x.child_id
   WHERE x.deleted_at IS NULL AND c.deleted_at IS NULL ${extraWhere}
     AND x.${dateCol} BETWEEN :from AND :to`;

export const BASE: Record<FigureKey, string> = {
  childrenOnFile: `SELECT c.id AS id, c.id AS child_id, NULL AS day, NULL AS at, c.township AS township, c.owner_id AS owner_id,
      NULL AS tag, NULL AS extra, NULL AS ref
    FROM children c INDEXED BY children_stock WHERE ${ON_FILE}`,
  childrenNew: `SELECT c.id AS id, c.id AS child_id, NULL AS day, c.created_at AS at, c.township AS township,
      c.owner_id AS owner_id, NULL AS tag, NULL AS extra, NULL AS ref
    FROM children c INDEXED BY children_stats WHERE c.deleted_at IS NULL AND c.created_at >= :fromMs AND c.created_at < :endMs`,
  deFactoOnFile: `SELECT c.id AS id, c.id AS child_id, NULL AS day, NULL AS at, c.township AS township, c.owner_id AS owner_id,
      NULL AS tag, NULL AS extra, NULL AS ref
    FROM children c INDEXED BY children_stats_defacto WHERE ${ON_FILE} AND c.${DEFACTO_CONDITION}`,
  deFactoNew: `SELECT c.id AS id, c.id AS child_id, d.recognised_on AS day, NULL AS at, c.township AS township,
      c.owner_id AS owner_id, NULL AS tag, NULL AS extra, NULL AS ref
    FROM de_facto_recognitions d INDEXED BY de_facto_recognitions_date
      CROSS JOIN children c INDEXED BY children_group ON c.id = d.child_id
    WHERE c.deleted_at IS NULL AND d.recognised_on BETWEEN :from AND :to AND c.${DEFACTO_CONDITION}`,
  referralsReceived: `SELECT r.id AS id, NULL AS child_id, r.received_date AS day, NULL AS at, NULL AS township,
      r.received_by AS owner_id, NULL AS tag, r.year || '/' || r.seq AS extra, NULL AS ref
    FROM referrals r INDEXED BY referrals_stats WHERE r.deleted_at IS NULL AND r.received_date BETWEEN :from AND :to`,
  referralActions: `SELECT a.id AS id, NULL AS child_id, a.sent_date AS day, NULL AS at, NULL AS township,
      r.received_by AS owner_id, a.agency AS tag, r.year || '/' || r.seq AS extra, a.referral_id AS ref
    FROM referral_actions a INDEXED BY referral_actions_sent CROSS JOIN referrals r INDEXED BY referrals_group ON r.id = a.referral_id
    WHERE a.deleted_at IS NULL AND a.withdrawn_at IS NULL AND r.deleted_at IS NULL
      AND a.sent_date BETWEEN :from AND :to`,
  admonitions: childRecord('admonitions', 'x', 'date'),
  guidanceSessions: `SELECT s.id AS id, p.child_id AS child_id, s.date AS day, NULL AS at, c.township AS township,
      c.owner_id AS owner_id, NULL AS tag, NULL AS extra, s.plan_id AS ref
    FROM guidance_sessions s INDEXED BY guidance_sessions_date CROSS JOIN guidance_plans p INDEXED BY guidance_plans_group ON p.id = s.plan_id CROSS JOIN children c INDEXED BY children_group ON c.id = p.child_id
    WHERE s.deleted_at IS NULL AND p.deleted_at IS NULL AND c.deleted_at IS NULL
      AND s.date BETWEEN :from AND :to`,
  ordersIssued: `SELECT o.id AS id, o.child_id AS child_id, o.issue_date AS day, NULL AS at, c.township AS township,
      c.owner_id AS owner_id, NULL AS tag, o.prefix || '/' || o.year || '/' || o.seq AS extra, NULL AS ref
    FROM guardianship_orders o INDEXED BY orders_issue_date CROSS JOIN children c INDEXED BY children_group ON c.id = o.child_id
    WHERE o.deleted_at IS NULL AND o.withdrawn_at IS NULL AND c.deleted_at IS NULL
      AND o.issue_date BETWEEN :from AND :to`,
  ordersClosed: `SELECT o.id AS id, o.child_id AS child_id, NULL AS day, o.closed_at AS at, c.township AS township,
      c.owner_id AS owner_id, o.outcome AS tag, o.prefix || '/' || o.year || '/' || o.seq AS extra, NULL AS ref
    FROM guardianship_orders o INDEXED BY orders_closed_at CROSS JOIN children c INDEXED BY children_group ON c.id = o.child_id
    WHERE o.deleted_at IS NULL AND o.status = 'closed' AND c.deleted_at IS NULL
      AND o.closed_at >= :fromMs AND o.closed_at < :endMs`,
  assessments: childRecord('psych_assessments', 'x', 'date'),
  counsellingSessions: childRecord('counselling_sessions', 'x', 'date'),
  counselledChildren: childRecord('counselling_sessions', 'x', 'date'),
  visits: childRecord('visits', 'x', 'date', `AND x.status = 'final'`),
  // The four later duties. Each mirrors its area's own figure (REPORT_FIGURES, OUTREACH_FIGURES,
  // RELIEF_FIGURES, SUIT_FIGURES in their model.ts; test/integration/stats.test.ts holds them
  // equal), here shaped as records so a cell can be split and drilled.
  reportCases: `SELECT r.id AS id, NULL AS child_id, r.reported_date AS day, NULL AS at, NULL AS township,
      r.created_by AS owner_id, r."trigger" AS tag, r.year || '/' || r.seq AS extra, NULL AS ref
    FROM mandatory_reports r INDEXED BY mandatory_reports_reported
    WHERE r.deleted_at IS NULL AND r.status <> 'voided' AND r.reported_date BETWEEN :from AND :to`,
  reportChildren: `SELECT r.id || ':' || rc.child_id AS id, rc.child_id AS child_id, r.reported_date AS day, NULL AS at,
      c.township AS township, c.owner_id AS owner_id, NULL AS tag, r.year || '/' || r.seq AS extra, r.id AS ref
    FROM mandatory_reports r INDEXED BY mandatory_reports_reported
      CROSS JOIN mandatory_report_children rc INDEXED BY mandatory_report_children_pk ON rc.report_id = r.id
      CROSS JOIN children c INDEXED BY children_group ON c.id = rc.child_id
    WHERE r.deleted_at IS NULL AND r.status <> 'voided' AND c.deleted_at IS NULL
      AND r.reported_date BETWEEN :from AND :to`,
  outreachEvents: outreachRecord,
  outreachAudience: outreachRecord,
  reliefGranted: reliefRecord('decision_date', 'AND x.amount_fen IS NOT NULL'),
  reliefGrantedAmount: reliefRecord('decision_date', 'AND x.amount_fen IS NOT NULL'),
  reliefPaidAmount: reliefRecord('paid_date'),
  suitsIssued: suitRecord('issue_date'),
  suitsGranted: suitRecord('decision_date', `AND x.decision IN ('revoked', 'changed')`),
};

/** Figures that count children rather than records: one child counted once however many records. */
export const DISTINCT_CHILD: ReadonlySet<FigureKey> = new Set(['counselledChildren', 'reportChildren']);
/**
 * The figures the monthly trend charts (the page's and 首页's); the others are not split by
 * month, which would cost a sort of every record for a line nobody draws.
 */
export const TREND: ReadonlySet<FigureKey> = new Set([
  'guidanceSessions',
  'admonitions',
  'ordersIssued',
  'counsellingSessions',
  'visits',
]);
/** Figures whose chart splits them by tag. */
export const TAGGED: ReadonlySet<FigureKey> = new Set(['referralActions', 'ordersClosed']);

/** Figures placed in a period by an instant (created_at, closed_at) rather than a calendar date. */
export const BY_INSTANT: ReadonlySet<FigureKey> = new Set(['childrenNew', 'ordersClosed']);
