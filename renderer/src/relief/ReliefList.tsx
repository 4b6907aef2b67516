import { Select, type TableColumnsType, Typography } from 'antd';
import { useMemo } from 'react';
import { t } from '../../../db/i18n';
import { RELIEF_OPEN } from '../../../db/relief/codes';
import type { ApiInput, ApiOutput } from '../api/client';
import { columnsOf, orDash, recordLink } from '../common/columns';
import { Register, useRegisterView } from '../common/RegisterList';
import { useApiQuery } from '../common/useApiQuery';
import { ReliefStatusTag } from './parts';

type View = NonNullable<ApiInput<'relief.list'>['status']>;
type Row = ApiOutput<'relief.list'>['rows'][number];
const col = columnsOf<Row>();

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

const REGISTER = { area: 'relief', path: '/relief', views: TABS, open: RELIEF_OPEN } as const;

/** The register of 国家司法救助; its tab, year and page live in the address. */
export function ReliefList() {
  const register = useRegisterView(REGISTER);
  const { params, view, offset, limit, go } = register;
  const year = Number(params.get('year')) || null;
  const input = useMemo(() => ({ status: view, year, offset, limit }), [view, year, offset, limit]);
  const query = useApiQuery('relief.list', input);
  const thisYear = new Date().getFullYear();
  const years = Array.from({ length: 6 }, (_, i) => thisYear - i);

  const columns: TableColumnsType<Row> = [
    col(t('relief.fields.child'), 'childName', (name, row) => recordLink(`/relief/${row.id}`, name)),
    col(t('relief.fields.township'), 'township'),
    col(t('relief.fields.applicantName'), 'applicantName'),
    col(t('relief.fields.applicationDate'), 'applicationDate'),
    col(t('relief.fields.status'), 'status', (s) => <ReliefStatusTag status={s} />),
    col(t('relief.fields.amount'), 'amount', orDash, { align: 'right' }),
    col(t('relief.fields.paidDate'), 'paidDate', orDash),
  ];

  return (
    <Register
      register={register}
      query={query}
      columns={columns}
      exportInput={{ status: view, year }}
      tabExtra={
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
      pagerTotal={false}
      footer={(data) => (
        <Typography.Text type="secondary" data-testid="relief-total">
          {t(data.totalCapped ? 'relief.list.totalCapped' : 'relief.list.total', {
            total: data.total,
            amount: data.totalAmount,
          })}
        </Typography.Text>
      )}
    />
  );
}
