import type { TableColumnsType } from 'antd';
import { useMemo } from 'react';
import { t } from '../../../db/i18n';
import { OPEN_REPORT_STATUSES, type ReportStatus, TRIGGERS, type Trigger } from '../../../db/reports/codes';
import { REPORT_VIEWS } from '../../../db/reports/inputs';
import type { ApiOutput } from '../api/client';
import { recordLink, updatedCell } from '../common/columns';
import {
  countOf,
  FilterBar,
  FilterSelect,
  oneOf,
  PeriodFilter,
  RegisterCard,
  RegisterHeader,
  RegisterTable,
  tableRows,
  useRegisterAddress,
} from '../common/RegisterList';
import { useApiQuery } from '../common/useApiQuery';
import { ViewTabs } from '../common/ViewTabs';
import { ReportStatusTag } from './parts';

type View = (typeof REPORT_VIEWS)[number];
type Row = ApiOutput<'mandatoryReports.list'>['rows'][number];

/** The register of 强制报告. Tab, filters and page live in the address, so coming back shows the same list. */
export function ReportList() {
  const { params, page, offset, limit, go } = useRegisterAddress('open');
  const view: View = oneOf(REPORT_VIEWS, params.get('view')) ?? 'open';
  const trigger = oneOf(TRIGGERS, params.get('trigger'));
  const from = params.get('from');
  const to = params.get('to');
  const input = useMemo(
    () => ({ status: view, trigger, from, to, offset, limit }),
    [view, trigger, from, to, offset, limit],
  );
  const query = useApiQuery('mandatoryReports.list', input);
  const { data } = query;
  const counts = data?.counts ?? {};
  const columns = useMemo(listColumns, []);

  return (
    <>
      <RegisterHeader
        title={t('mandatoryReports.title')}
        intro={t('mandatoryReports.intro')}
        exportMethod="exports.mandatoryReports"
        exportInput={{ status: view, trigger, from, to }}
        newLabel={t('mandatoryReports.list.newButton')}
        newPath="/reports/new"
      />
      <RegisterCard>
        <ViewTabs
          views={REPORT_VIEWS}
          active={view}
          onChange={(v) => go({ view: v })}
          ariaLabel={t('mandatoryReports.list.viewsLabel')}
          label={(v) => t(`mandatoryReports.list.views.${v}`)}
          count={data ? (v) => countOf(v, counts, OPEN_REPORT_STATUSES) : null}
        />
        <FilterBar>
          <FilterSelect<Trigger>
            label={t('mandatoryReports.list.triggerFilter')}
            width={360}
            value={trigger}
            onChange={(v) => go({ trigger: v })}
            anyLabel={t('mandatoryReports.list.anyTrigger')}
            options={TRIGGERS.map((k) => ({ value: k, label: t(`mandatoryReports.triggerShort.${k}`) }))}
          />
          <PeriodFilter label={t('mandatoryReports.list.periodFilter')} from={from} to={to} onChange={go} />
        </FilterBar>
        <RegisterTable<Row>
          {...tableRows(query)}
          columns={columns}
          rowPath={(row) => `/reports/${row.id}`}
          empty={
            countOf('all', counts, OPEN_REPORT_STATUSES) === 0
              ? t('mandatoryReports.list.empty')
              : t('mandatoryReports.list.emptyView')
          }
          page={page}
          onPage={(p) => go({ page: p })}
          totalText={(total) => t('mandatoryReports.list.total', { total })}
        />
      </RegisterCard>
    </>
  );
}

function listColumns(): TableColumnsType<Row> {
  return [
    {
      title: t('mandatoryReports.fields.number'),
      dataIndex: 'number',
      key: 'number',
      render: (number: string, row) => recordLink(`/reports/${row.id}`, number, true),
    },
    { title: t('mandatoryReports.fields.reportedDate'), dataIndex: 'reportedDate', key: 'reportedDate' },
    { title: t('mandatoryReports.fields.reporterUnit'), dataIndex: 'reporterUnit', key: 'reporterUnit' },
    {
      title: t('mandatoryReports.fields.trigger'),
      dataIndex: 'trigger',
      key: 'trigger',
      render: (k: Trigger) => t(`mandatoryReports.triggerShort.${k}`),
    },
    {
      title: t('mandatoryReports.fields.children'),
      dataIndex: 'childNames',
      key: 'children',
      render: (names: string[]) => names.join('、'),
    },
    {
      title: t('mandatoryReports.fields.status'),
      dataIndex: 'status',
      key: 'status',
      render: (s: ReportStatus) => <ReportStatusTag status={s} />,
    },
    {
      title: t('mandatoryReports.list.updatedAt'),
      dataIndex: 'updatedAt',
      key: 'updatedAt',
      render: updatedCell,
    },
  ];
}
