// UI strings of the referrals area.
export const referrals = {};
