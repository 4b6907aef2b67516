import { Select, type TableColumnsType, Typography } from 'antd';
import { useMemo } from 'react';
import { t } from '../../../db/i18n';
import { RELIEF_OPEN } from '../../../db/relief/codes';
import type { ApiInput, ApiOutput } from '../api/client';
import { recordLink } from '../common/columns';
import { None } from '../common/empty';
import {
  countOf,
  oneOf,
  RegisterCard,
  RegisterHeader,
  RegisterTable,
  tableRows,
  useRegisterAddress,
} from '../common/RegisterList';
import { useApiQuery } from '../common/useApiQuery';
import { ViewTabs } from '../common/ViewTabs';
import { ReliefStatusTag } from './parts';

type View = NonNullable<ApiInput<'relief.list'>['status']>;
type Row = ApiOutput<'relief.list'>['rows'][number];

// The work still to do first, then each step in order, then the archive.
const TABS: readonly View[] = [
  'open',
  'applied',
  'reviewing',
  'granted',
  'paid',
  'closed',
  'denied',
  'withdrawn',
  'all',
];

/** The register of 国家司法救助; its tab, year and page live in the address. */
export function ReliefList() {
  const { params, page, offset, limit, go } = useRegisterAddress('open');
  const view: View = oneOf(TABS, params.get('view')) ?? 'open';
  const year = Number(params.get('year')) || null;
  const input = useMemo(() => ({ status: view, year, offset, limit }), [view, year, offset, limit]);
  const query = useApiQuery('relief.list', input);
  const { data } = query;
  const counts = data?.counts ?? {};
  const thisYear = new Date().getFullYear();
  const years = Array.from({ length: 6 }, (_, i) => thisYear - i);

  const columns: TableColumnsType<Row> = [
    {
      title: t('relief.fields.child'),
      dataIndex: 'childName',
      key: 'child',
      render: (name: string, row) => recordLink(`/relief/${row.id}`, name),
    },
    { title: t('relief.fields.township'), dataIndex: 'township', key: 'township' },
    { title: t('relief.fields.applicantName'), dataIndex: 'applicantName', key: 'applicant' },
    { title: t('relief.fields.applicationDate'), dataIndex: 'applicationDate', key: 'date' },
    {
      title: t('relief.fields.status'),
      dataIndex: 'status',
      key: 'status',
      render: (s: Row['status']) => <ReliefStatusTag status={s} />,
    },
    {
      title: t('relief.fields.amount'),
      dataIndex: 'amount',
      key: 'amount',
      align: 'right',
      render: (a: string | null) => a ?? <None />,
    },
    {
      title: t('relief.fields.paidDate'),
      dataIndex: 'paidDate',
      key: 'paid',
      render: (d: string | null) => d ?? <None />,
    },
  ];

  return (
    <>
      <RegisterHeader
        title={t('relief.title')}
        intro={t('relief.intro')}
        exportMethod="exports.relief"
        exportInput={{ status: view, year }}
        newLabel={t('relief.list.newButton')}
        newPath="/relief/new"
      />
      <RegisterCard>
        <ViewTabs
          views={TABS}
          active={view}
          onChange={(v) => go({ view: v })}
          ariaLabel={t('relief.list.viewsLabel')}
          label={(v) => t(`relief.list.views.${v}`)}
          count={data ? (v) => countOf(v, counts, RELIEF_OPEN) : null}
          extra={
            <Select<number | 0>
              aria-label={t('relief.list.yearLabel')}
              value={year ?? 0}
              onChange={(y) => go({ year: y || null })}
              style={{ width: 130 }}
              options={[
                { value: 0, label: t('relief.list.allYears') },
                ...years.map((y) => ({ value: y, label: t('relief.list.yearOption', { year: y }) })),
              ]}
            />
          }
        />
        <RegisterTable<Row>
          {...tableRows(query)}
          columns={columns}
          rowPath={(row) => `/relief/${row.id}`}
          empty={
            countOf('all', counts, RELIEF_OPEN) === 0 ? t('relief.list.empty') : t('relief.list.emptyView')
          }
          page={page}
          onPage={(p) => go({ page: p })}
        />
        {data && (
          <Typography.Text type="secondary" data-testid="relief-total">
            {t('relief.list.total', { total: data.total, amount: data.totalAmount })}
          </Typography.Text>
        )}
      </RegisterCard>
    </>
  );
}
