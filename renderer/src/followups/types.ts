// The requirement / follow-up shapes as the core sends them (db/followups), for orders and plans alike.
import type { ApiOutput } from '../api/client';

export type RequirementView = ApiOutput<'orders.get'>['requirements'][number];
export type FollowUpView = ApiOutput<'orders.get'>['followUps'][number];
