import { sql } from 'drizzle-orm';
import { index, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { recordColumns } from '../common/columns';

export const children = sqliteTable(
  'children',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    gender: text('gender', { enum: ['male', 'female'] }).notNull(),
    /** YYYY-MM-DD */
    birthDate: text('birth_date').notNull(),
    /** 公民身份号码, upper-case; optional because under-16s often have none to hand. */
    idNumber: text('id_number'),
    township: text('township').notNull(),
    village: text('village'),
    school: text('school'),
    status: text('status', { enum: ['active', 'closed'] })
      .notNull()
      .default('active'),
    ...recordColumns(),
  },
  (t) => [
    uniqueIndex('children_id_number')
      .on(t.idNumber)
      .where(sql`${t.idNumber} IS NOT NULL AND ${t.deletedAt} IS NULL`),
    index('children_created').on(t.createdAt),
    index('children_name').on(t.name),
  ],
);
