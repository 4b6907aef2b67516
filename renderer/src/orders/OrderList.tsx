import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Table, type TableColumnsType, Typography } from 'antd';
import { useMemo } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { t } from '../../../db/i18n';
import type { ApiInput, ApiOutput } from '../api/client';
import { formatTime, todayText } from '../common/dates';
import { ExportExcelButton } from '../common/ExportExcelButton';
import { OverdueTag } from '../common/empty';
import { PageHeader } from '../common/PageHeader';
import { useApiQuery } from '../common/useApiQuery';
import { ViewTabs } from '../common/ViewTabs';
import { type OrderStatus, OrderStatusTag } from './parts';

type View = NonNullable<ApiInput<'orders.list'>['status']>;
type OrderRow = ApiOutput<'orders.list'>['rows'][number];

const PAGE_SIZE = 50;
const OPEN: OrderStatus[] = ['draft', 'pending', 'approved', 'observing', 'evaluating'];
// The work still to do first (the default), then each step in order, then the archive.
const TABS: readonly View[] = [
  'open',
  'draft',
  'pending',
  'approved',
  'observing',
  'evaluating',
  'closed',
  'withdrawn',
  'all',
];

function isView(v: string | null): v is View {
  return v !== null && (TABS as readonly string[]).includes(v);
}

function countOf(view: View, counts: Record<string, number>): number {
  if (view === 'open') return OPEN.reduce((n, s) => n + (counts[s] ?? 0), 0);
  if (view === 'all') return Object.values(counts).reduce((n, c) => n + c, 0);
  return counts[view] ?? 0;
}

/** The register of orders. Its tab and page live in the address, so coming back shows the same list. */
export function OrderList() {
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const viewParam = params.get('view');
  const view: View = isView(viewParam) ? viewParam : 'open';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const input = useMemo(
    () => ({ status: view, offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE }),
    [view, page],
  );
  const { data, error, loading } = useApiQuery('orders.list', input);
  const counts = data?.counts ?? {};
  const columns = useMemo(listColumns, []);

  const go = (changes: { view?: View; page?: number }) => {
    const next = new URLSearchParams();
    const v = changes.view ?? view;
    if (v !== 'open') next.set('view', v);
    const p = changes.page ?? (changes.view ? 1 : page);
    if (p > 1) next.set('page', String(p));
    setParams(next, { replace: true });
  };

  return (
    <>
      <PageHeader
        title={t('orders.title')}
        intro={t('orders.intro')}
        extra={
          <Flex gap={8}>
            <ExportExcelButton method="exports.orders" input={{}} />
            <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/orders/new')}>
              {t('orders.list.newButton')}
            </Button>
          </Flex>
        }
      />
      <Card styles={{ body: { paddingTop: 4 } }}>
        <ViewTabs
          views={TABS}
          active={view}
          onChange={(v) => go({ view: v })}
          ariaLabel={t('orders.list.viewsLabel')}
          label={(v) => t(`orders.list.views.${v}`)}
          count={data ? (v) => countOf(v, counts) : null}
        />
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
        <Table<OrderRow>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={data?.rows ?? []}
          loading={{ spinning: loading, delay: 200 }}
          scroll={{ x: 'max-content' }}
          onRow={(row) => ({
            onClick: () => navigate(`/orders/${row.id}`),
            style: { cursor: 'pointer' },
          })}
          locale={{
            emptyText: countOf('all', counts) === 0 ? t('orders.list.empty') : t('orders.list.emptyView'),
          }}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: data?.total ?? 0,
            showSizeChanger: false,
            hideOnSinglePage: true,
            showTotal: (total) => t('orders.list.total', { total }),
            onChange: (p) => go({ page: p }),
          }}
        />
      </Card>
    </>
  );
}

function listColumns(): TableColumnsType<OrderRow> {
  const today = todayText();
  return [
    {
      title: t('orders.fields.number'),
      dataIndex: 'number',
      key: 'number',
      render: (number: string | null, row) => (
        // A real link too, for the keyboard.
        <Link to={`/orders/${row.id}`} onClick={(e) => e.stopPropagation()} style={{ whiteSpace: 'nowrap' }}>
          {number ?? <Typography.Text type="secondary">{t('orders.unnumbered')}</Typography.Text>}
        </Link>
      ),
    },
    {
      title: t('orders.fields.child'),
      dataIndex: 'childName',
      key: 'child',
      render: (name: string, row) => (
        <Link to={`/children/${row.childId}`} onClick={(e) => e.stopPropagation()}>
          {name}
        </Link>
      ),
    },
    {
      title: t('orders.fields.status'),
      dataIndex: 'status',
      key: 'status',
      render: (s: OrderStatus) => <OrderStatusTag status={s} />,
    },
    {
      title: t('orders.fields.issueDate'),
      dataIndex: 'issueDate',
      key: 'issueDate',
      render: (d: string | null) =>
        d ?? <Typography.Text type="secondary">{t('app.common.empty')}</Typography.Text>,
    },
    {
      title: t('orders.fields.observationEnd'),
      dataIndex: 'observationEnd',
      key: 'observationEnd',
      render: (d: string | null, row) =>
        d ? (
          <Flex gap={6} align="center" wrap={false}>
            <span>{d}</span>
            {row.status === 'observing' && d < today && <OverdueTag label={t('orders.list.expired')} />}
          </Flex>
        ) : (
          <Typography.Text type="secondary">{t('app.common.empty')}</Typography.Text>
        ),
    },
    {
      title: t('orders.list.updatedAt'),
      dataIndex: 'updatedAt',
      key: 'updatedAt',
      render: (ms: number) => <Typography.Text type="secondary">{formatTime(ms)}</Typography.Text>,
    },
  ];
}
