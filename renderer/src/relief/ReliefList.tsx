import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Select, Space, Table, type TableColumnsType, Typography } from 'antd';
import { useMemo } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { t } from '../../../db/i18n';
import { RELIEF_OPEN } from '../../../db/relief/codes';
import type { ApiInput, ApiOutput } from '../api/client';
import { ExportExcelButton } from '../common/ExportExcelButton';
import { None } from '../common/empty';
import { PageHeader } from '../common/PageHeader';
import { useApiQuery } from '../common/useApiQuery';
import { ViewTabs } from '../common/ViewTabs';
import { ReliefStatusTag } from './parts';

type View = NonNullable<ApiInput<'relief.list'>['status']>;
type Row = ApiOutput<'relief.list'>['rows'][number];

const PAGE_SIZE = 50;
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

function isView(v: string | null): v is View {
  return v !== null && (TABS as readonly string[]).includes(v);
}

function countOf(view: View, counts: Record<string, number>): number {
  if (view === 'open') return RELIEF_OPEN.reduce((n, s) => n + (counts[s] ?? 0), 0);
  if (view === 'all') return Object.values(counts).reduce((n, c) => n + c, 0);
  return counts[view] ?? 0;
}

/** The register of 国家司法救助; its tab, year and page live in the address. */
export function ReliefList() {
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const viewParam = params.get('view');
  const view: View = isView(viewParam) ? viewParam : 'open';
  const year = Number(params.get('year')) || null;
  const page = Math.max(1, Number(params.get('page')) || 1);
  const input = useMemo(
    () => ({ status: view, year, offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE }),
    [view, year, page],
  );
  const { data, error, loading } = useApiQuery('relief.list', input);
  const counts = data?.counts ?? {};
  const thisYear = new Date().getFullYear();
  const years = Array.from({ length: 6 }, (_, i) => thisYear - i);

  const go = (changes: { view?: View; year?: number | null; page?: number }) => {
    const next = new URLSearchParams();
    const v = changes.view ?? view;
    if (v !== 'open') next.set('view', v);
    const y = changes.year === undefined ? year : changes.year;
    if (y) next.set('year', String(y));
    const p = changes.page ?? (changes.view || changes.year !== undefined ? 1 : page);
    if (p > 1) next.set('page', String(p));
    setParams(next, { replace: true });
  };

  const columns: TableColumnsType<Row> = [
    {
      title: t('relief.fields.child'),
      dataIndex: 'childName',
      key: 'child',
      render: (name: string, row) => (
        <Link to={`/relief/${row.id}`} onClick={(e) => e.stopPropagation()}>
          {name}
        </Link>
      ),
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
      <PageHeader
        title={t('relief.title')}
        intro={t('relief.intro')}
        extra={
          <Space>
            <ExportExcelButton method="exports.relief" input={{ status: view, year }} />
            <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/relief/new')}>
              {t('relief.list.newButton')}
            </Button>
          </Space>
        }
      />
      <Card styles={{ body: { paddingTop: 4 } }}>
        <ViewTabs
          views={TABS}
          active={view}
          onChange={(v) => go({ view: v })}
          ariaLabel={t('relief.list.viewsLabel')}
          label={(v) => t(`relief.list.views.${v}`)}
          count={data ? (v) => countOf(v, counts) : null}
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
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
        <Table<Row>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={data?.rows ?? []}
          loading={{ spinning: loading, delay: 200 }}
          scroll={{ x: 'max-content' }}
          onRow={(row) => ({ onClick: () => navigate(`/relief/${row.id}`), style: { cursor: 'pointer' } })}
          locale={{
            emptyText: countOf('all', counts) === 0 ? t('relief.list.empty') : t('relief.list.emptyView'),
          }}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: data?.total ?? 0,
            showSizeChanger: false,
            onChange: (p) => go({ page: p }),
          }}
        />
        {data && (
          <Typography.Text type="secondary" data-testid="relief-total">
            {t('relief.list.total', { total: data.total, amount: data.totalAmount })}
          </Typography.Text>
        )}
      </Card>
    </>
  );
}
