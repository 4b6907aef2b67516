// What the 强制报告 screens share: the view type and the status tag.
import { t } from '../../../db/i18n';
import type { ReportStatus } from '../../../db/reports/codes';
import type { ApiOutput } from '../api/client';
import { statusTag } from '../common/StatusTag';

export type ReportView = ApiOutput<'mandatoryReports.get'>;

const STATUS_COLOR: Record<ReportStatus, string> = {
  received: 'gold',
  verifying: 'blue',
  filed: 'volcano',
  handled: 'cyan',
  closed: 'green',
  voided: 'default',
};

export const ReportStatusTag = statusTag(STATUS_COLOR, (s: ReportStatus) =>
  t(`mandatoryReports.status.${s}`),
);
