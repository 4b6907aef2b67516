// Every table, for drizzle-kit and for typed queries. Each area owns its tables in db/<area>/schema.ts.

export * from './accounts/schema';
export * from './attachments/schema';
export * from './audit/schema';
export * from './calendar/schema';
export * from './children/schema';
export * from './common/schema';
export * from './counselling/schema';
export * from './education/schema';
export * from './followups/schema';
export * from './ledger/schema';
export * from './orders/schema';
export * from './outreach/schema';
export * from './referrals/schema';
export * from './relief/schema';
export * from './reminders/schema';
export * from './reports/schema';
export * from './settings/schema';
export * from './stats/schema';
export * from './suits/schema';
export * from './visits/schema';
