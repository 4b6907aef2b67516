// The 线索 most stories need on file: one referral, sent on to one agency by letter.
import type { Core } from '../../db/api/core';
import { call, type Input, type Output } from './core';

/**
 * A referral from 第一检察部 received on `received` about `childId`, sent on to `agency` by letter
 * on `sent`; `more` adds to what was received (a case number, say). Returns it with its action.
 */
export async function referredTo(
  core: Core,
  childId: string,
  route: { agency: string; received: string; sent: string },
  more: Partial<Input<'referrals.create'>> = {},
): Promise<Output<'referrals.addAction'>> {
  const r = await call(core, 'referrals.create', {
    sourceDepartment: '第一检察部',
    receivedDate: route.received,
    children: [{ childId }],
    ...more,
  });
  return call(core, 'referrals.addAction', {
    referralId: r.id,
    agency: route.agency,
    carrier: 'letter',
    sentDate: route.sent,
  });
}
