import { t } from '../../../db/i18n';
import type { ReliefStatus } from '../../../db/relief/codes';
import type { ApiOutput } from '../api/client';
import { statusTag } from '../common/StatusTag';

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

export const ReliefStatusTag = statusTag(COLOR, (s: ReliefStatus) => t(`relief.codes.status.${s}`));
