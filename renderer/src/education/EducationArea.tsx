import { NotBuiltPage } from '../shell/NotBuiltPage';

/** The education area's routes, under /education. Its screens are not built yet. */
export function EducationArea() {
  return <NotBuiltPage area="education" title="app.nav.education" />;
}
