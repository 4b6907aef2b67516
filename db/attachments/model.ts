// Storing and reading an attachment's bytes, and what other areas need of attachments (the
// summary's appendix, the backup's figures). See schema.ts for why the bytes live here.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Ctx, ReadCtx } from '../api/define';
import { ApiError } from '../api/errors';
import { aadOf, type Sealed, seal, unseal } from '../core/keyring';
import { t } from '../i18n';
import { CHUNK_BYTES, isCounsellingKind, type RecordKind } from './codes';
import { attachmentChunks, attachments } from './schema';

export type AttachmentRow = typeof attachments.$inferSelect;

/** part numbers of attachment_chunks */
export const PART_FILE = 0;
export const PART_THUMBNAIL = 1;

const RECORD_SQL: Record<RecordKind, string> = {
  // Each returns the record if it is live, with the child whose file lists it (or null).
  child: 'SELECT id AS childId FROM children WHERE id = ? AND deleted_at IS NULL',
  relative: `SELECT (SELECT r.child_id FROM child_relations r WHERE r.person_id = p.id ORDER BY r.child_id LIMIT 1) AS childId
               FROM persons p WHERE p.id = ? AND p.deleted_at IS NULL`,
  custody: `SELECT (SELECT r.child_id FROM child_relations r WHERE r.person_id = c.person_id ORDER BY r.child_id LIMIT 1) AS childId
              FROM custody_records c WHERE c.id = ? AND c.deleted_at IS NULL`,
  referral: `SELECT CASE WHEN (SELECT count(*) FROM referral_children WHERE referral_id = f.id) = 1
                  THEN (SELECT child_id FROM referral_children WHERE referral_id = f.id) END AS childId
               FROM referrals f WHERE f.id = ? AND f.deleted_at IS NULL`,
  referralAction: `SELECT CASE WHEN (SELECT count(*) FROM referral_children WHERE referral_id = a.referral_id) = 1
                  THEN (SELECT child_id FROM referral_children WHERE referral_id = a.referral_id) END AS childId
               FROM referral_actions a WHERE a.id = ? AND a.deleted_at IS NULL`,
  order: 'SELECT child_id AS childId FROM guardianship_orders WHERE id = ? AND deleted_at IS NULL',
  admonition: 'SELECT child_id AS childId FROM admonitions WHERE id = ? AND deleted_at IS NULL',
  plan: 'SELECT child_id AS childId FROM guidance_plans WHERE id = ? AND deleted_at IS NULL',
  assessment: 'SELECT child_id AS childId FROM psych_assessments WHERE id = ? AND deleted_at IS NULL',
  counsellingSession:
    'SELECT child_id AS childId FROM counselling_sessions WHERE id = ? AND deleted_at IS NULL',
  treatment: 'SELECT child_id AS childId FROM treatment_referrals WHERE id = ? AND deleted_at IS NULL',
  visit: 'SELECT child_id AS childId FROM visits WHERE id = ? AND deleted_at IS NULL',
};

/** The record an attachment goes with: its child (or null) and that child's owner. */
export function resolveRecord(
  ctx: ReadCtx,
  recordKind: RecordKind,
  recordId: string,
): { childId: string | null; ownerId: string | null } {
  const row = ctx.raw.prepare(RECORD_SQL[recordKind]).get(recordId) as { childId: string | null } | undefined;
  if (!row) throw new ApiError('NOT_FOUND', t('attachments.validation.noRecord'));
  const ownerId = row.childId
    ? ((ctx.raw.prepare('SELECT owner_id FROM children WHERE id = ?').pluck().get(row.childId) as
        | string
        | null
        | undefined) ?? null)
    : null;
  return { childId: row.childId, ownerId };
}

export const sha256Hex = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/**
 * A counselling attachment's chunks are AES-256-GCM under a key of its own, sealed to the
 * counselling key: the database key alone (any colleague's) opens nothing of them.
 */
function chunkCipher(key: Buffer, id: string, part: number, seq: number, plain: Buffer): Buffer {
  const iv = randomBytes(12);
  const c = createCipheriv('aes-256-gcm', key, iv);
  c.setAAD(aadOf('attachment', id, part, seq));
  const data = Buffer.concat([c.update(plain), c.final()]);
  return Buffer.concat([iv, c.getAuthTag(), data]);
}

function chunkDecipher(key: Buffer, id: string, part: number, seq: number, stored: Buffer): Buffer {
  const d = createDecipheriv('aes-256-gcm', key, stored.subarray(0, 12));
  d.setAAD(aadOf('attachment', id, part, seq));
  d.setAuthTag(stored.subarray(12, 28));
  return Buffer.concat([d.update(stored.subarray(28)), d.final()]);
}

export function newSealedKey(ctx: Ctx, id: string): { key: Buffer; sealed: string } {
  const key = randomBytes(32);
  const sealed = seal(key, ctx.counselling.publicKey, aadOf('attachment', id));
  return { key, sealed: Buffer.from(JSON.stringify(sealed)).toString('base64') };
}

/** The file key of a sealed attachment, or null where this session holds no counselling key. */
export function openSealedKey(ctx: ReadCtx, row: Pick<AttachmentRow, 'id' | 'sealedKey'>): Buffer | null {
  if (!row.sealedKey || !ctx.counselling.privateKey) return null;
  try {
    const sealed = JSON.parse(Buffer.from(row.sealedKey, 'base64').toString('utf8')) as Sealed;
    return unseal(sealed, ctx.counselling.privateKey, ctx.counselling.publicKey, aadOf('attachment', row.id));
  } catch {
    return null;
  }
}

export function writeChunks(ctx: Ctx, id: string, part: number, bytes: Buffer, key: Buffer | null): void {
  const insert = ctx.raw.prepare(
    'INSERT INTO attachment_chunks (attachment_id, part, seq, data) VALUES (?, ?, ?, ?)',
  );
  for (let seq = 0, at = 0; at < bytes.length; seq++, at += CHUNK_BYTES) {
    const plain = bytes.subarray(at, at + CHUNK_BYTES);
    insert.run(id, part, seq, key ? chunkCipher(key, id, part, seq, plain) : plain);
  }
}

export function readChunks(ctx: ReadCtx, id: string, part: number, key: Buffer | null): Buffer {
  const rows = ctx.db
    .select({ seq: attachmentChunks.seq, data: attachmentChunks.data })
    .from(attachmentChunks)
    .where(and(eq(attachmentChunks.attachmentId, id), eq(attachmentChunks.part, part)))
    .orderBy(asc(attachmentChunks.seq))
    .all();
  return Buffer.concat(rows.map((r) => (key ? chunkDecipher(key, id, part, r.seq, r.data) : r.data)));
}

export function loadAttachment(ctx: ReadCtx, id: string, opts: { deleted?: boolean } = {}): AttachmentRow {
  const row = ctx.db.select().from(attachments).where(eq(attachments.id, id)).get();
  if (!row || (row.deletedAt !== null) !== (opts.deleted ?? false))
    throw new ApiError('NOT_FOUND', t('errors.notFound'));
  return row;
}

export const isRestricted = (row: Pick<AttachmentRow, 'recordKind'>) => isCounsellingKind(row.recordKind);

/**
 * The titles behind a record, for a printed summary's 附件目录. Counselling attachments are
 * not listed: the summary's counselling sections have their own rule.
 */
export function attachmentTitles(
  ctx: ReadCtx,
  where: { childId?: string; recordKind?: RecordKind; recordId?: string },
): {
  id: string;
  title: string;
  kind: AttachmentRow['kind'];
  fileType: AttachmentRow['fileType'];
  createdAt: number;
}[] {
  const rows = ctx.db
    .select({
      id: attachments.id,
      title: attachments.title,
      kind: attachments.kind,
      fileType: attachments.fileType,
      createdAt: attachments.createdAt,
      recordKind: attachments.recordKind,
    })
    .from(attachments)
    .where(
      and(
        isNull(attachments.deletedAt),
        where.childId ? eq(attachments.childId, where.childId) : undefined,
        where.recordKind ? eq(attachments.recordKind, where.recordKind) : undefined,
        where.recordId ? eq(attachments.recordId, where.recordId) : undefined,
      ),
    )
    .orderBy(asc(attachments.createdAt))
    .all();
  return rows.filter((r) => !isCounsellingKind(r.recordKind)).map(({ recordKind: _r, ...r }) => r);
}

/**
 * The bytes of the attachments a summary lists, to append after its pages (documents'
 * appendAttachments): live ones only, never counselling ones (a summary never lists those), in
 * the order given. An id no longer live is left out rather than failing the export.
 */
export function appendixFiles(
  ctx: ReadCtx,
  ids: readonly string[],
): { id: string; title: string; fileType: AttachmentRow['fileType']; sha256: string; bytes: Buffer }[] {
  const out = [];
  for (const id of ids) {
    const row = ctx.db
      .select()
      .from(attachments)
      .where(and(eq(attachments.id, id), isNull(attachments.deletedAt)))
      .get();
    if (!row || isRestricted(row) || row.sealedKey) continue;
    const bytes = readChunks(ctx, row.id, PART_FILE, null);
    out.push({ id: row.id, title: row.title, fileType: row.fileType, sha256: row.sha256, bytes });
  }
  return out;
}
