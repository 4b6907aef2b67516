import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

// Append-only: triggers in a custom migration refuse UPDATE and DELETE. Each row's hash
// covers the previous row's hash, so an edit made around the triggers is still found.
export const auditLog = sqliteTable(
  'audit_log',
  {
    seq: integer('seq').primaryKey(),
    id: text('id').notNull().unique(),
    at: integer('at').notNull(),
    actorId: text('actor_id'),
    actorName: text('actor_name').notNull(),
    action: text('action').notNull(),
    entity: text('entity'),
    entityId: text('entity_id'),
    /** JSON; ids, field names and counts only, never a record's content. */
    detail: text('detail').notNull(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
    /**
     * The child the row is about, so "everything that happened to this child" is one indexed
     * query. The one audit convention, computed by SQLite from hashed fields (virtual, so never
     * written, never hashed, never out of step): the entity when it is a child, else the
     * detail's childId.
     */
    childId: text('child_id').generatedAlwaysAs(
      sql`CASE WHEN entity = 'child' THEN entity_id WHEN json_valid(detail) AND json_type(detail, '$.childId') = 'text' THEN json_extract(detail, '$.childId') END`,
      { mode: 'virtual' },
    ),
  },
  (t) => [
    index('audit_log_at').on(t.at),
    index('audit_log_action_at').on(t.action, t.at),
    index('audit_log_actor_at').on(t.actorId, t.at),
    index('audit_log_entity').on(t.entity, t.entityId),
    index('audit_log_child').on(t.childId, t.seq),
  ],
);

/** The last row written, so that rows cut from the end of the chain are noticed too. */
export const auditHead = sqliteTable('audit_head', {
  id: integer('id').primaryKey(),
  seq: integer('seq').notNull(),
  hash: text('hash').notNull(),
});
