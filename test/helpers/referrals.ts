// The 线索 most stories need on file: one referral, sent on to one agency by letter.
import type { Core } from '../../db/api/core';
import { call, type Input, type Output } from './core';

/** referrals.create's input: a referral about `childId` received on `date` from `department`. */
export function received(
  childId: string,
  date: string,
  department = '第一检察部',
): Input<'referrals.create'> {
  return { sourceDepartment: department, receivedDate: date, children: [{ childId }] };
}

/** referrals.addAction's input: `referral` sent on to `agency` by `carrier` on `date`, with `more`. */
export function sentOn(
  referral: { id: string },
  agency: string,
  carrier: Input<'referrals.addAction'>['carrier'],
  date: string,
  more: Partial<Input<'referrals.addAction'>> = {},
): Input<'referrals.addAction'> {
  return { referralId: referral.id, agency, carrier, sentDate: date, ...more };
}

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
  const r = await call(core, 'referrals.create', { ...received(childId, route.received), ...more });
  return call(core, 'referrals.addAction', sentOn(r, route.agency, 'letter', route.sent));
}
