import { RecordArea } from '../common/areaRoutes';
import { OrderCreatePage, OrderEditRoute } from './OrderForm';
import { OrderList } from './OrderList';
import { OrderRoute } from './OrderPage';

/** The orders area's own routes, under /orders. */
export function OrdersArea() {
  return <RecordArea list={OrderList} page={OrderRoute} create={OrderCreatePage} edit={OrderEditRoute} />;
}
