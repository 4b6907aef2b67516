import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { recordColumns } from '../common/columns';

// The key slots (the database key wrapped by each passphrase) live outside the database,
// in keyslots.json, because they are needed to open it. This table holds who may sign in.
export const accounts = sqliteTable('accounts', {
  id: text('id').primaryKey(),
  username: text('username').notNull().unique(),
  displayName: text('display_name').notNull(),
  role: text('role', { enum: ['admin', 'supervisor', 'caseworker', 'counsellor'] }).notNull(),
  disabledAt: integer('disabled_at'),
  ...recordColumns(),
});
