import type { ApiInput, ApiOutput } from '../api/client';

export type ReferralView = ApiOutput<'referrals.get'>;
export type ReferralRow = ApiOutput<'referrals.list'>['rows'][number];
export type ActionView = ReferralView['actions'][number];
export type ReferralStatus = ReferralView['status'];
export type InboxView = NonNullable<ApiInput<'referrals.list'>['view']>;
export type Carrier = ActionView['carrier'];
export type NewChildInput = NonNullable<ApiInput<'children.create'>>;

export type { Picked } from '../common/RemoteSelect';
