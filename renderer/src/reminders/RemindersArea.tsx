import { NotBuiltPage } from '../shell/NotBuiltPage';

/** The reminders area's routes, under /reminders. Its screens are not built yet. */
export function RemindersArea() {
  return <NotBuiltPage area="reminders" title="app.nav.reminders" />;
}
