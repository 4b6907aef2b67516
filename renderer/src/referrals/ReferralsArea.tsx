import { Route, Routes } from 'react-router';
import { ReferralInbox } from './ReferralInbox';
import { ReferralIntake } from './ReferralIntake';
import { ReferralRoute } from './ReferralPage';

/** The referrals area's own routes, under /referrals. */
export function ReferralsArea() {
  return (
    <Routes>
      <Route index element={<ReferralInbox />} />
      <Route path="new" element={<ReferralIntake />} />
      <Route path=":id" element={<ReferralRoute />} />
    </Routes>
  );
}
