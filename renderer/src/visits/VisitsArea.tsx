import { NotBuiltPage } from '../shell/NotBuiltPage';

/** The visits area's routes, under /visits. Its screens are not built yet. */
export function VisitsArea() {
  return <NotBuiltPage area="visits" title="app.nav.visits" />;
}
