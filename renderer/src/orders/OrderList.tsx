import { Flex, type TableColumnsType } from 'antd';
import { useMemo } from 'react';
import { t } from '../../../db/i18n';
import { ORDER_OPEN } from '../../../db/orders/codes';
import type { ApiInput, ApiOutput } from '../api/client';
import { childLink, columnsOf, numberLink, orDash, updatedCell } from '../common/columns';
import { todayText } from '../common/dates';
import { None, OverdueTag } from '../common/empty';
import { Register, useRegisterView } from '../common/RegisterList';
import { useApiQuery } from '../common/useApiQuery';
import { OrderStatusTag } from './parts';

type View = NonNullable<ApiInput<'orders.list'>['status']>;
type OrderRow = ApiOutput<'orders.list'>['rows'][number];
const col = columnsOf<OrderRow>();

const OPEN = ORDER_OPEN;
// The work still to do first (the default), then each step in order, then the archive.
const TABS: readonly View[] = ['open', ...OPEN, 'closed', 'withdrawn', 'all'];

const REGISTER = { area: 'orders', path: '/orders', views: TABS, open: OPEN } as const;

/** The register of orders. Its tab and page live in the address, so coming back shows the same list. */
export function OrderList() {
  const register = useRegisterView(REGISTER);
  const { view, offset, limit } = register;
  const input = useMemo(() => ({ status: view, offset, limit }), [view, offset, limit]);
  const query = useApiQuery('orders.list', input);
  const columns = useMemo(listColumns, []);

  return <Register register={register} query={query} columns={columns} exportInput={{}} />;
}

function listColumns(): TableColumnsType<OrderRow> {
  const today = todayText();
  return [
    col(t('orders.fields.number'), 'number', (number, row) =>
      numberLink(`/orders/${row.id}`, number, t('orders.unnumbered')),
    ),
    col(t('orders.fields.child'), 'childName', childLink),
    col(t('orders.fields.status'), 'status', (s) => <OrderStatusTag status={s} />),
    col(t('orders.fields.issueDate'), 'issueDate', orDash),
    col(t('orders.fields.observationEnd'), 'observationEnd', (d, row) =>
      d ? (
        <Flex gap={6} align="center" wrap={false}>
          <span>{d}</span>
          {row.status === 'observing' && d < today && <OverdueTag label={t('orders.list.expired')} />}
        </Flex>
      ) : (
        <None />
      ),
    ),
    col(t('orders.list.updatedAt'), 'updatedAt', updatedCell),
  ];
}
