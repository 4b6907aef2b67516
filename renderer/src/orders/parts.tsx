// What the orders screens share: the order's view types and its status tag.
import { t } from '../../../db/i18n';
import type { ApiOutput } from '../api/client';
import { StatusTag } from '../common/StatusTag';

export type OrderView = ApiOutput<'orders.get'>;
export type OrderStatus = OrderView['status'];

export const ORDER_STATUS_COLOR: Record<OrderStatus, string> = {
  draft: 'default',
  pending: 'gold',
  approved: 'blue',
  observing: 'cyan',
  evaluating: 'orange',
  closed: 'green',
  withdrawn: 'default',
};

export function OrderStatusTag({ status, testId }: { status: OrderStatus; testId?: string }) {
  return (
    <StatusTag
      status={status}
      colors={ORDER_STATUS_COLOR}
      label={(s) => t(`codes.orderStatus.${s}`)}
      testId={testId}
    />
  );
}
