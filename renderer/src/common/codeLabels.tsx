// The code labels and the risk tag every area shows the same way. Codes arrive from data as plain
// strings (a relation or measure the catalog may not know yet); unknown ones show raw rather than
// breaking the page.
import { Radio, type RadioGroupProps, Tag } from 'antd';
import type {
  Category,
  CloseReason,
  CustodyMeasure,
  GuardianshipSituation,
  NeedKind,
  Relation,
  RiskLevel,
} from '../../../db/children/codes';
import { labelOr } from './labels';

export const genderLabel = (g: string | null) => (g ? labelOr(`codes.gender.${g}`, g) : '');
/** 男 or 女, as every form that records a person asks it (a Form.Item hands it value and onChange). */
export function GenderRadio(props: Omit<RadioGroupProps, 'options'>) {
  return (
    <Radio.Group
      {...props}
      options={[
        { value: 'male', label: genderLabel('male') },
        { value: 'female', label: genderLabel('female') },
      ]}
    />
  );
}
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

/**
 * The same tag as a plain element, for table cells (PlainTable): antd's Tag is a component with
 * its own style hooks, which a list of fifty rows pays fifty times per keystroke. Uses
 * plainTable.css (the table that shows it imports it).
 */
export function RiskBadge({ level, short = false }: { level: RiskLevel; short?: boolean }) {
  const style = RISK_STYLE[level] ?? RISK_STYLE.green;
  return (
    <span className="sw-tag" data-risk={level} style={{ ...style, borderColor: style.background }}>
      {short ? labelOr(`codes.riskShort.${level}`, level) : riskLabel(level)}
    </span>
  );
}
