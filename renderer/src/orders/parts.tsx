// What the orders screens share: the order's view types and its status tag.
import { t } from '../../../db/i18n';
import type { ApiOutput } from '../api/client';
import { statusTag } from '../common/StatusTag';

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

export const OrderStatusTag = statusTag(ORDER_STATUS_COLOR, (s: OrderStatus) => t(`codes.orderStatus.${s}`));
