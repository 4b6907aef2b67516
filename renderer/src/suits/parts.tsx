import { Tag } from 'antd';
import { t } from '../../../db/i18n';
import type { SuitStatus } from '../../../db/suits/codes';
import type { ApiOutput } from '../api/client';

export type SuitView = ApiOutput<'suits.get'>;

const COLOR: Record<SuitStatus, string> = {
  draft: 'default',
  issued: 'blue',
  filed: 'processing',
  decided: 'green',
  withdrawn: 'default',
};

export function SuitStatusTag({ status, testId }: { status: SuitStatus; testId?: string }) {
  return (
    <Tag color={COLOR[status]} style={{ marginInlineEnd: 0 }} data-testid={testId}>
      {t(`suits.codes.status.${status}`)}
    </Tag>
  );
}

/** A guidance plan as the suit form and page name it: kind, start date, status. */
export function planLabel(p: {
  kind: 'ordered' | 'voluntary';
  startDate: string | null;
  status: 'assessing' | 'active' | 'completed' | 'suspended';
}): string {
  return [t(`codes.planKind.${p.kind}`), p.startDate, t(`codes.planStatus.${p.status}`)]
    .filter(Boolean)
    .join(' · ');
}
