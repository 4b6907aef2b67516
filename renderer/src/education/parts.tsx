import { Tag } from 'antd';
import { t } from '../../../db/i18n';
import { statusTag } from '../common/StatusTag';
import type { PlanView } from './register';

export type PlanStatus = PlanView['status'];
export type SessionView = PlanView['sessions'][number];

export const PLAN_STATUSES: readonly PlanStatus[] = ['assessing', 'active', 'completed', 'suspended'];

const PLAN_STATUS_COLOR: Record<PlanStatus, string> = {
  assessing: 'gold',
  active: 'cyan',
  completed: 'green',
  suspended: 'default',
};

export const PlanStatusTag = statusTag(PLAN_STATUS_COLOR, (s: PlanStatus) => t(`codes.planStatus.${s}`));

export function PlanKindTag({ kind }: { kind: PlanView['kind'] }) {
  return (
    <Tag color={kind === 'ordered' ? 'magenta' : 'blue'} style={{ marginInlineEnd: 0 }}>
      {t(`codes.planKind.${kind}`)}
    </Tag>
  );
}

export function termText(plan: Pick<PlanView, 'startDate' | 'endDate'>): string | null {
  if (!plan.startDate && !plan.endDate) return null;
  return `${plan.startDate ?? '?'} — ${plan.endDate ?? '?'}`;
}
