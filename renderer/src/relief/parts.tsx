import { t } from '../../../db/i18n';
import type { ReliefStatus } from '../../../db/relief/codes';
import type { ApiOutput } from '../api/client';
import { StatusTag } from '../common/StatusTag';

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
    <StatusTag status={status} colors={COLOR} label={(s) => t(`relief.codes.status.${s}`)} testId={testId} />
  );
}
