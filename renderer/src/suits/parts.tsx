import { t } from '../../../db/i18n';
import type { SuitStatus } from '../../../db/suits/codes';
import type { ApiOutput } from '../api/client';
import { statusTag } from '../common/StatusTag';

export type SuitView = ApiOutput<'suits.get'>;

const COLOR: Record<SuitStatus, string> = {
  draft: 'default',
  issued: 'blue',
  filed: 'processing',
  decided: 'green',
  withdrawn: 'default',
};

export const SuitStatusTag = statusTag(COLOR, (s: SuitStatus) => t(`suits.codes.status.${s}`));

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
