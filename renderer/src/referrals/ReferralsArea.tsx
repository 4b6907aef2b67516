import { NotBuiltPage } from '../shell/NotBuiltPage';

/** The referrals area's routes, under /referrals. Its screens are not built yet. */
export function ReferralsArea() {
  return <NotBuiltPage area="referrals" title="app.nav.referrals" />;
}
