import { t } from '../../../db/i18n';
import type { SuitStatus } from '../../../db/suits/codes';
import type { ApiOutput } from '../api/client';
import { StatusTag } from '../common/StatusTag';

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
    <StatusTag status={status} colors={COLOR} label={(s) => t(`suits.codes.status.${s}`)} testId={testId} />
  );
}
