import type { TableColumnsType } from 'antd';
import { useMemo } from 'react';
import { t } from '../../../db/i18n';
import { OPEN_REPORT_STATUSES, TRIGGERS, type Trigger } from '../../../db/reports/codes';
import { REPORT_VIEWS } from '../../../db/reports/inputs';
import type { ApiOutput } from '../api/client';
import { columnsOf, recordLink, updatedCell } from '../common/columns';
import { FilterSelect, oneOf, PeriodFilter, Register, useRegisterView } from '../common/RegisterList';
import { useApiQuery } from '../common/useApiQuery';
import { ReportStatusTag } from './parts';

type Row = ApiOutput<'mandatoryReports.list'>['rows'][number];
const col = columnsOf<Row>();

const REGISTER = {
  area: 'mandatoryReports',
  path: '/reports',
  views: REPORT_VIEWS,
  open: OPEN_REPORT_STATUSES,
} as const;

/** The register of 强制报告. Tab, filters and page live in the address, so coming back shows the same list. */
export function ReportList() {
  const register = useRegisterView(REGISTER);
  const { params, view, offset, limit, go } = register;
  const trigger = oneOf(TRIGGERS, params.get('trigger'));
  const from = params.get('from');
  const to = params.get('to');
  const input = useMemo(
    () => ({ status: view, trigger, from, to, offset, limit }),
    [view, trigger, from, to, offset, limit],
  );
  const query = useApiQuery('mandatoryReports.list', input);
  const columns = useMemo(listColumns, []);

  return (
    <Register
      register={register}
      query={query}
      columns={columns}
      exportInput={{ status: view, trigger, from, to }}
      filters={
        <>
          <FilterSelect<Trigger>
            label={t('mandatoryReports.list.triggerFilter')}
            width={360}
            value={trigger}
            onChange={(v) => go({ trigger: v })}
            anyLabel={t('mandatoryReports.list.anyTrigger')}
            options={TRIGGERS.map((k) => ({ value: k, label: t(`mandatoryReports.triggerShort.${k}`) }))}
          />
          <PeriodFilter label={t('mandatoryReports.list.periodFilter')} from={from} to={to} onChange={go} />
        </>
      }
    />
  );
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
