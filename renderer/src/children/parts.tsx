// Small pieces the children screens share: code labels, tags, date-field plumbing.
import { Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type {
  Category,
  CloseReason,
  CustodyMeasure,
  GuardianshipSituation,
  NeedKind,
  Relation,
  RiskLevel,
} from '../../../db/children/codes';
import { t } from '../../../db/i18n';
import { labelOr } from '../common/labels';

export const DATE_FORMAT = 'YYYY-MM-DD';

/** The local calendar day, as the core computes ages and release dates. */
export function todayText(): string {
  return dayjs().format(DATE_FORMAT);
}

// Codes arrive from data as plain strings (a relation or measure the catalog may not know
// yet); unknown ones show raw rather than breaking the page.
export const genderLabel = (g: string | null) => (g ? labelOr(`codes.gender.${g}`, g) : '');
export const relationLabel = (r: Relation | string) => labelOr(`codes.relation.${r}`, r);
export const measureLabel = (m: CustodyMeasure | string) => labelOr(`codes.custodyMeasure.${m}`, m);
export const categoryLabel = (c: Category | string) => labelOr(`codes.category.${c}`, c);
export const riskLabel = (r: RiskLevel | string) => labelOr(`codes.risk.${r}`, r);
export const needLabel = (n: NeedKind | string) => labelOr(`codes.need.${n}`, n);
export const closeReasonLabel = (r: CloseReason | string) => labelOr(`codes.closeReason.${r}`, r);
export const guardianshipLabel = (g: GuardianshipSituation | string) => labelOr(`codes.guardianship.${g}`, g);
export const statusLabel = (s: string) => labelOr(`codes.childStatus.${s}`, s);

// Solid fills: the four levels must read apart at a glance, also on a washed-out projector.
const RISK_STYLE: Record<RiskLevel, { background: string; color: string }> = {
  red: { background: '#f5222d', color: '#fff' },
  orange: { background: '#fa8c16', color: '#fff' },
  yellow: { background: '#fadb14', color: '#5c4300' },
  green: { background: '#52c41a', color: '#fff' },
};

export function RiskTag({ level, short = false }: { level: RiskLevel; short?: boolean }) {
  const style = RISK_STYLE[level] ?? RISK_STYLE.green;
  return (
    <Tag data-risk={level} style={{ ...style, borderColor: style.background, marginInlineEnd: 0 }}>
      {short ? labelOr(`codes.riskShort.${level}`, level) : riskLabel(level)}
    </Tag>
  );
}

export function StatusTag({ status }: { status: 'active' | 'closed' }) {
  return (
    <Tag color={status === 'active' ? 'green' : 'default'} style={{ marginInlineEnd: 0 }}>
      {statusLabel(status)}
    </Tag>
  );
}

export function CategoryTags({ categories }: { categories: readonly string[] }) {
  if (!categories.length) {
    return <Typography.Text type="secondary">{t('children.profile.noCategories')}</Typography.Text>;
  }
  return (
    <span style={{ display: 'inline-flex', flexWrap: 'wrap', gap: 4 }}>
      {categories.map((c) => (
        <Tag key={c} color="blue" style={{ marginInlineEnd: 0 }}>
          {categoryLabel(c)}
        </Tag>
      ))}
    </span>
  );
}

export function MaskedId({ value }: { value: string | null }) {
  return value ? (
    <span style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>{value}</span>
  ) : (
    <Typography.Text type="secondary">{t('children.common.noIdNumber')}</Typography.Text>
  );
}

/** Shown where a field is empty. */
export function orNone(value: string | null | undefined) {
  return value ? value : <Typography.Text type="secondary">{t('children.common.none')}</Typography.Text>;
}

/**
 * Form.Item props for a DatePicker whose form value is the API's 'YYYY-MM-DD' text, so the
 * values go to the API as they are and API field errors land on the item.
 */
export const dateItemProps = {
  getValueProps: (v?: string | null) => ({ value: v ? dayjs(v, DATE_FORMAT) : null }),
  normalize: (d: Dayjs | null) => (d ? d.format(DATE_FORMAT) : null),
};

/** Empty text means "not filled", which the API stores as null. */
export function blankToNull(v: string | null | undefined): string | null {
  const s = v?.trim() ?? '';
  return s === '' ? null : s;
}

/** Days from today to a YYYY-MM-DD date; negative when it has passed. */
export function daysUntil(date: string, today = todayText()): number {
  return dayjs(date, DATE_FORMAT).diff(dayjs(today, DATE_FORMAT), 'day');
}

/** A parent's release is a reminder this many days ahead (DOMAIN.md). */
export const RELEASE_SOON_DAYS = 90;
