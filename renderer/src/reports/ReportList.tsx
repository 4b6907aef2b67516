import type { TableColumnsType } from 'antd';
import { useMemo } from 'react';
import { t } from '../../../db/i18n';
import { OPEN_REPORT_STATUSES, TRIGGERS } from '../../../db/reports/codes';
import { REPORT_VIEWS } from '../../../db/reports/inputs';
import type { ApiOutput } from '../api/client';
import { columnsOf, recordLink, updatedCell } from '../common/columns';
import { codeFilter, periodFilter, Register, useRegister } from '../common/RegisterList';
import { ReportStatusTag } from './parts';

type Row = ApiOutput<'mandatoryReports.list'>['rows'][number];
const col = columnsOf<Row>();

const REGISTER = {
  area: 'mandatoryReports',
  path: '/reports',
  views: REPORT_VIEWS,
  open: OPEN_REPORT_STATUSES,
} as const;
const TRIGGER = codeFilter(
  'mandatoryReports.list.filters.trigger',
  TRIGGERS,
  (k) => t(`mandatoryReports.triggerShort.${k}`),
  360,
);
const PERIOD = periodFilter(t('mandatoryReports.list.periodFilter'));

/** The register of 强制报告. Tab, filters and page live in the address, so coming back shows the same list. */
export function ReportList() {
  const list = useRegister(REGISTER, 'mandatoryReports.list', (params) => ({
    trigger: TRIGGER.read(params),
    ...PERIOD.read(params),
  }));
  const columns = useMemo(listColumns, []);

  return <Register {...list} columns={columns} filters={[TRIGGER, PERIOD]} />;
}

function listColumns(): TableColumnsType<Row> {
  return [
    col(t('mandatoryReports.fields.number'), 'number', (number, row) =>
      recordLink(`/reports/${row.id}`, number, true),
    ),
    col(t('mandatoryReports.fields.reportedDate'), 'reportedDate'),
    col(t('mandatoryReports.fields.reporterUnit'), 'reporterUnit'),
    col(t('mandatoryReports.fields.trigger'), 'trigger', (k) => t(`mandatoryReports.triggerShort.${k}`)),
    col(t('mandatoryReports.fields.children'), 'childNames', (names) => names.join('、')),
    col(t('mandatoryReports.fields.status'), 'status', (s) => <ReportStatusTag status={s} />),
    col(t('mandatoryReports.list.updatedAt'), 'updatedAt', updatedCell),
  ];
}
