import { Route, Routes } from 'react-router';
import { OrderCreatePage, OrderEditRoute } from './OrderForm';
import { OrderList } from './OrderList';
import { OrderRoute } from './OrderPage';

/** The orders area's own routes, under /orders. */
export function OrdersArea() {
  return (
    <Routes>
      <Route index element={<OrderList />} />
      <Route path="new" element={<OrderCreatePage />} />
      <Route path=":id" element={<OrderRoute />} />
      <Route path=":id/edit" element={<OrderEditRoute />} />
    </Routes>
  );
}
