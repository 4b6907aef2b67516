import { Flex, type TableColumnsType, Typography } from 'antd';
import { useMemo } from 'react';
import { t } from '../../../db/i18n';
import type { ApiInput, ApiOutput } from '../api/client';
import { numberLink, recordLink, updatedCell } from '../common/columns';
import { todayText } from '../common/dates';
import { OverdueTag } from '../common/empty';
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
import { type OrderStatus, OrderStatusTag } from './parts';

type View = NonNullable<ApiInput<'orders.list'>['status']>;
type OrderRow = ApiOutput<'orders.list'>['rows'][number];

const OPEN: OrderStatus[] = ['draft', 'pending', 'approved', 'observing', 'evaluating'];
// The work still to do first (the default), then each step in order, then the archive.
const TABS: readonly View[] = ['open', ...OPEN, 'closed', 'withdrawn', 'all'];

/** The register of orders. Its tab and page live in the address, so coming back shows the same list. */
export function OrderList() {
  const { params, page, offset, limit, go } = useRegisterAddress('open');
  const view: View = oneOf(TABS, params.get('view')) ?? 'open';
  const input = useMemo(() => ({ status: view, offset, limit }), [view, offset, limit]);
  const query = useApiQuery('orders.list', input);
  const { data } = query;
  const counts = data?.counts ?? {};
  const columns = useMemo(listColumns, []);

  return (
    <>
      <RegisterHeader
        title={t('orders.title')}
        intro={t('orders.intro')}
        exportMethod="exports.orders"
        exportInput={{}}
        newLabel={t('orders.list.newButton')}
        newPath="/orders/new"
      />
      <RegisterCard>
        <ViewTabs
          views={TABS}
          active={view}
          onChange={(v) => go({ view: v })}
          ariaLabel={t('orders.list.viewsLabel')}
          label={(v) => t(`orders.list.views.${v}`)}
          count={data ? (v) => countOf(v, counts, OPEN) : null}
        />
        <RegisterTable<OrderRow>
          {...tableRows(query)}
          columns={columns}
          rowPath={(row) => `/orders/${row.id}`}
          empty={countOf('all', counts, OPEN) === 0 ? t('orders.list.empty') : t('orders.list.emptyView')}
          page={page}
          onPage={(p) => go({ page: p })}
          totalText={(total) => t('orders.list.total', { total })}
        />
      </RegisterCard>
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
      render: (number: string | null, row) => numberLink(`/orders/${row.id}`, number, t('orders.unnumbered')),
    },
    {
      title: t('orders.fields.child'),
      dataIndex: 'childName',
      key: 'child',
      render: (name: string, row) => recordLink(`/children/${row.childId}`, name),
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
      render: updatedCell,
    },
  ];
}
