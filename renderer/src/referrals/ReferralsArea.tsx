import { AreaRoutes } from '../common/areaRoutes';
import { ReferralInbox } from './ReferralInbox';
import { ReferralIntake } from './ReferralIntake';
import { ReferralRoute } from './ReferralPage';

/** The referrals area's own routes, under /referrals. */
export function ReferralsArea() {
  return <AreaRoutes index={ReferralInbox} routes={{ new: ReferralIntake, ':id': ReferralRoute }} />;
}
