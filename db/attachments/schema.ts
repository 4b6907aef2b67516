import { blob, index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { children } from '../children/schema';
import { recordColumns } from '../common/columns';
import { ATTACHMENT_KINDS, FILE_TYPES, RECORD_KINDS } from './codes';

// Where the bytes live (issue 20): inside the one SQLCipher file, in a table of chunks of their
// own. SQLCipher encrypts every page, the WAL included, so an attached scan is never plaintext
// on disk; backups (VACUUM INTO with the same key) and restore carry it with no extra code; the
// record tables stay narrow because a row here holds only what a list shows. The cost: the file
// grows by the attachments (2 GB of scans is a 2 GB database), and a backup copies and checks all
// of it each time (the bench prints MB/s, see README "附件").
// Counselling attachments are sealed besides, like the counselling notes: each file's chunks are
// encrypted under a random key sealed to the counselling key (model.ts), so a colleague holding
// only the database key reads nothing of them.
export const attachments = sqliteTable(
  'attachments',
  {
    id: text('id').primaryKey(),
    /** The child whose file lists it; null for a referral or its action not linked to one child. */
    childId: text('child_id').references(() => children.id),
    recordKind: text('record_kind', { enum: RECORD_KINDS }).notNull(),
    recordId: text('record_id').notNull(),
    kind: text('kind', { enum: ATTACHMENT_KINDS }).notNull(),
    title: text('title').notNull(),
    fileName: text('file_name').notNull(),
    fileType: text('file_type', { enum: FILE_TYPES }).notNull(),
    bytes: integer('bytes').notNull(),
    sha256: text('sha256').notNull(),
    /** Bytes of the stored thumbnail (part 1 of the chunks), 0 for none. */
    thumbnailBytes: integer('thumbnail_bytes').notNull().default(0),
    /** The per-file key of a counselling attachment, sealed to the counselling key; null otherwise. */
    sealedKey: text('sealed_key'),
    ...recordColumns(),
  },
  (t) => [
    index('attachments_record').on(t.recordKind, t.recordId, t.deletedAt),
    index('attachments_child').on(t.childId, t.deletedAt),
    index('attachments_deleted').on(t.deletedAt),
  ],
);

/** part 0 is the file, part 1 its thumbnail; seq orders the chunks of a part. */
export const attachmentChunks = sqliteTable(
  'attachment_chunks',
  {
    attachmentId: text('attachment_id')
      .notNull()
      .references(() => attachments.id),
    part: integer('part').notNull(),
    seq: integer('seq').notNull(),
    data: blob('data', { mode: 'buffer' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.attachmentId, t.part, t.seq] })],
);
