import { NotBuiltPage } from '../shell/NotBuiltPage';

/** The counselling area's routes, under /counselling. Its screens are not built yet. */
export function CounsellingArea() {
  return <NotBuiltPage area="counselling" title="app.nav.counselling" />;
}
