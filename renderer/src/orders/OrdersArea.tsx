import { NotBuiltPage } from '../shell/NotBuiltPage';

/** The orders area's routes, under /orders. Its screens are not built yet. */
export function OrdersArea() {
  return <NotBuiltPage area="orders" title="app.nav.orders" />;
}
