import { Tag } from 'antd';
import { t } from '../../../db/i18n';
import type { ReliefStatus } from '../../../db/relief/codes';
import type { ApiOutput } from '../api/client';

export type ReliefView = ApiOutput<'relief.get'>;

const COLOR: Record<ReliefStatus, string> = {
  applied: 'blue',
  reviewing: 'processing',
  granted: 'gold',
  denied: 'default',
  paid: 'cyan',
  closed: 'green',
  withdrawn: 'default',
};

export function ReliefStatusTag({ status, testId }: { status: ReliefStatus; testId?: string }) {
  return (
    <Tag color={COLOR[status]} style={{ marginInlineEnd: 0 }} data-testid={testId}>
      {t(`relief.codes.status.${status}`)}
    </Tag>
  );
}
