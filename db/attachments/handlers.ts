// 附件 (issue 20): the API of the attachments area. Bytes in and out are base64 (see inputs.ts);
// where they are kept and why is in schema.ts.
import { and, desc, eq, isNotNull, isNull } from 'drizzle-orm';
import { can, demand } from '../access/policy';
import { accounts } from '../accounts/schema';
import { type Ctx, method, type ReadCtx } from '../api/define';
import { ApiError } from '../api/errors';
import { newId } from '../common/ids';
import { created } from '../common/records';
import { t } from '../i18n';
import { readSetting } from '../settings/model';
import { type FileType, IMAGE_TYPES, MAX_THUMBNAIL_BYTES, MIME, VIEWABLE } from './codes';
import {
  attachmentAddInput,
  attachmentBinInput,
  attachmentChildInput,
  attachmentCountsInput,
  attachmentIdInput,
  attachmentRecordInput,
  attachmentRemoveInput,
  attachmentUpdateInput,
} from './inputs';
import {
  type AttachmentRow,
  isRestricted,
  loadAttachment,
  newSealedKey,
  openSealedKey,
  PART_FILE,
  PART_THUMBNAIL,
  readChunks,
  resolveRecord,
  sha256Hex,
  writeChunks,
} from './model';
import { defaultTitle, exportName, sniff } from './rules';
import { attachmentChunks, attachments } from './schema';

export interface AttachmentView {
  id: string;
  childId: string | null;
  recordKind: AttachmentRow['recordKind'];
  recordId: string;
  kind: AttachmentRow['kind'];
  title: string;
  fileName: string;
  fileType: FileType;
  mime: string;
  bytes: number;
  sha256: string;
  hasThumbnail: boolean;
  /** Shown in the app; Word files are only saved out. */
  viewable: boolean;
  restricted: boolean;
  createdAt: number;
  createdByName: string | null;
  version: number;
  deletedAt: number | null;
}

export interface AttachmentContent {
  id: string;
  fileName: string;
  mime: string;
  sha256: string;
  base64: string;
}

export const attachmentMethods = {
  'attachments.add': method({
    input: attachmentAddInput,
    access: 'user',
    kind: 'write',
    handler: addAttachments,
  }),
  'attachments.forRecord': method({
    input: attachmentRecordInput,
    access: 'user',
    kind: 'read',
    handler: forRecord,
  }),
  'attachments.counts': method({
    input: attachmentCountsInput,
    access: 'user',
    kind: 'read',
    handler: counts,
  }),
  'attachments.forChild': method({
    input: attachmentChildInput,
    access: 'user',
    kind: 'read',
    handler: forChild,
  }),
  'attachments.thumbnail': method({
    input: attachmentIdInput,
    access: 'user',
    kind: 'read',
    handler: thumbnail,
  }),
  /** Opening is audited like opening a child's file: it is a write. */
  'attachments.open': method({
    input: attachmentIdInput,
    access: 'user',
    kind: 'write',
    handler: openAttachment,
  }),
  /** 另存为: the bytes leave with their SHA-256 in the audit log, like every export. */
  'attachments.export': method({
    input: attachmentIdInput,
    access: 'user',
    kind: 'write',
    handler: exportAttachment,
  }),
  'attachments.update': method({
    input: attachmentUpdateInput,
    access: 'user',
    kind: 'write',
    handler: updateAttachment,
  }),
  'attachments.remove': method({
    input: attachmentRemoveInput,
    access: 'user',
    kind: 'write',
    handler: removeAttachment,
  }),
  'attachments.binList': method({
    input: attachmentBinInput,
    access: 'user',
    kind: 'read',
    handler: binList,
  }),
  'attachments.restore': method({
    input: attachmentIdInput,
    access: 'user',
    kind: 'write',
    handler: restoreAttachment,
  }),
  'attachments.purge': method({
    input: attachmentIdInput,
    access: ['admin'],
    kind: 'write',
    handler: purgeAttachment,
  }),
};

const fieldError = (field: string, message: string) =>
  new ApiError('VALIDATION', message, { [field]: message });

const mb = (bytes: number) => (Math.round((bytes / 1024 / 1024) * 10) / 10).toString();

function addAttachments(ctx: Ctx, input: typeof attachmentAddInput._output): AttachmentView[] {
  const record = resolveRecord(ctx, input.recordKind, input.recordId);
  const restricted = isRestricted(input);
  if (restricted) {
    demand(ctx, 'writeCounselling', {
      ownerId: record.ownerId,
      method: 'attachments.add',
      entity: 'child',
      entityId: record.childId,
    });
  }
  const maxMb = readSetting(ctx, 'attachmentMaxMb');
  // Every file is checked before any is stored: a refused one leaves the others unsaved too,
  // so the caseworker fixes the drop and sends it again as a whole.
  const checked = input.files.map((file, i) => {
    const bytes = Buffer.from(file.base64, 'base64');
    const field = `files.${i}`;
    if (bytes.length === 0) throw fieldError(field, t('attachments.validation.empty'));
    if (bytes.length > maxMb * 1024 * 1024)
      throw fieldError(
        field,
        t('attachments.validation.tooBig', { name: file.fileName, size: mb(bytes.length), max: maxMb }),
      );
    const type = sniff(bytes, file.fileName);
    if (type === 'heic') throw fieldError(field, t('attachments.validation.heic', { name: file.fileName }));
    if (type === 'unknown')
      throw fieldError(field, t('attachments.validation.badType', { name: file.fileName }));
    let thumb: Buffer | null = null;
    if (file.thumbnailBase64 && IMAGE_TYPES.includes(type)) {
      thumb = Buffer.from(file.thumbnailBase64, 'base64');
      const thumbType = sniff(thumb, '');
      if (thumb.length > MAX_THUMBNAIL_BYTES || (thumbType !== 'jpeg' && thumbType !== 'png'))
        throw fieldError(field, t('attachments.validation.badThumbnail'));
    }
    return { file, bytes, type, thumb };
  });
  const ids: string[] = [];
  for (const { file, bytes, type, thumb } of checked) {
    const id = newId();
    const sealed = restricted ? newSealedKey(ctx, id) : null;
    const sha256 = sha256Hex(bytes);
    ctx.db
      .insert(attachments)
      .values({
        id,
        childId: record.childId,
        recordKind: input.recordKind,
        recordId: input.recordId,
        kind: file.kind,
        title: file.title?.trim() || defaultTitle(file.fileName),
        fileName: file.fileName,
        fileType: type,
        bytes: bytes.length,
        sha256,
        thumbnailBytes: thumb?.length ?? 0,
        sealedKey: sealed?.sealed ?? null,
        ...created(ctx),
      })
      .run();
    try {
      writeChunks(ctx, id, PART_FILE, bytes, sealed?.key ?? null);
      if (thumb) writeChunks(ctx, id, PART_THUMBNAIL, thumb, sealed?.key ?? null);
    } finally {
      sealed?.key.fill(0);
    }
    ctx.audit.write({
      action: 'attachments.add',
      entity: record.childId ? 'child' : input.recordKind,
      entityId: record.childId ?? input.recordId,
      detail: {
        attachmentId: id,
        recordKind: input.recordKind,
        recordId: input.recordId,
        kind: file.kind,
        fileType: type,
        bytes: bytes.length,
        sha256,
      },
    });
    ids.push(id);
  }
  return ids.map((id) => toView(ctx, loadAttachment(ctx, id)));
}

function names(ctx: ReadCtx, ids: (string | null)[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const id of new Set(ids)) {
    if (!id) continue;
    const row = ctx.db.select({ n: accounts.displayName }).from(accounts).where(eq(accounts.id, id)).get();
    if (row) out.set(id, row.n);
  }
  return out;
}

function toView(ctx: ReadCtx, row: AttachmentRow, who?: Map<string, string>): AttachmentView {
  const by = who ?? names(ctx, [row.createdBy]);
  return {
    id: row.id,
    childId: row.childId,
    recordKind: row.recordKind,
    recordId: row.recordId,
    kind: row.kind,
    title: row.title,
    fileName: row.fileName,
    fileType: row.fileType,
    mime: MIME[row.fileType],
    bytes: row.bytes,
    sha256: row.sha256,
    hasThumbnail: row.thumbnailBytes > 0,
    viewable: VIEWABLE.includes(row.fileType),
    restricted: isRestricted(row),
    createdAt: row.createdAt,
    createdByName: row.createdBy ? (by.get(row.createdBy) ?? null) : null,
    version: row.version,
    deletedAt: row.deletedAt,
  };
}

/** Counselling attachments are for those the policy lets read counselling text, with its key open. */
const mayReadRestricted = (ctx: ReadCtx) =>
  ctx.counselling.privateKey !== null && can(ctx.user, 'readCounsellingText');

/** Counselling attachments are listed only to those who may read counselling text. */
function visible(ctx: ReadCtx, rows: AttachmentRow[]): AttachmentView[] {
  const mayRead = mayReadRestricted(ctx);
  const shown = rows.filter((r) => !isRestricted(r) || mayRead);
  const who = names(
    ctx,
    shown.map((r) => r.createdBy),
  );
  return shown.map((r) => toView(ctx, r, who));
}

function forRecord(ctx: ReadCtx, input: typeof attachmentRecordInput._output): AttachmentView[] {
  const rows = ctx.db
    .select()
    .from(attachments)
    .where(
      and(
        eq(attachments.recordKind, input.recordKind),
        eq(attachments.recordId, input.recordId),
        isNull(attachments.deletedAt),
      ),
    )
    .orderBy(desc(attachments.createdAt))
    .all();
  return visible(ctx, rows);
}

/**
 * The number of live attachments of each record, for the 附件 buttons of a table's rows (records
 * with none are left out). Counselling records' counts only for those who may read them: the
 * number of consents behind a child's assessments is not for every colleague either.
 */
function counts(ctx: ReadCtx, input: typeof attachmentCountsInput._output): Record<string, number> {
  const out: Record<string, number> = {};
  if (!input.recordIds.length) return out;
  if (isRestricted(input) && !mayReadRestricted(ctx)) return out;
  const rows = ctx.raw
    .prepare(
      `SELECT record_id AS id, count(*) AS n FROM attachments
        WHERE record_kind = ? AND record_id IN (SELECT value FROM json_each(?)) AND deleted_at IS NULL
        GROUP BY record_id`,
    )
    .all(input.recordKind, JSON.stringify(input.recordIds)) as { id: string; n: number }[];
  for (const r of rows) out[r.id] = r.n;
  return out;
}

/** Every attachment of a child's file, newest first; thumbnails come one by one (thumbnail). */
function forChild(ctx: ReadCtx, input: typeof attachmentChildInput._output): AttachmentView[] {
  const rows = ctx.db
    .select()
    .from(attachments)
    .where(and(eq(attachments.childId, input.childId), isNull(attachments.deletedAt)))
    .orderBy(desc(attachments.createdAt))
    .all();
  return visible(ctx, rows);
}

/** The file key of a restricted attachment, after the policy said yes; null for ordinary ones. */
function keyFor(
  ctx: Ctx,
  row: AttachmentRow,
  methodName: string,
  action: 'readCounsellingText' | 'exportCounselling',
) {
  if (!isRestricted(row)) return null;
  demand(ctx, action, { method: methodName, entity: 'attachment', entityId: row.id });
  const key = openSealedKey(ctx, row);
  if (!key) throw new ApiError('FORBIDDEN', t('attachments.restricted'));
  return key;
}

function thumbnail(
  ctx: ReadCtx,
  input: typeof attachmentIdInput._output,
): { mime: string; base64: string } | null {
  const row = loadAttachment(ctx, input.id);
  if (!row.thumbnailBytes) return null;
  if (isRestricted(row) && !mayReadRestricted(ctx)) return null;
  const key = isRestricted(row) ? openSealedKey(ctx, row) : null;
  if (isRestricted(row) && !key) return null;
  try {
    const bytes = readChunks(ctx, row.id, PART_THUMBNAIL, key);
    return { mime: sniff(bytes, '') === 'png' ? MIME.png : MIME.jpeg, base64: bytes.toString('base64') };
  } finally {
    key?.fill(0);
  }
}

function content(ctx: ReadCtx, row: AttachmentRow, key: Buffer | null): AttachmentContent {
  try {
    const bytes = readChunks(ctx, row.id, PART_FILE, key);
    return {
      id: row.id,
      fileName: exportName(row.title, row.fileType),
      mime: MIME[row.fileType],
      sha256: row.sha256,
      base64: bytes.toString('base64'),
    };
  } finally {
    key?.fill(0);
  }
}

function openAttachment(ctx: Ctx, input: typeof attachmentIdInput._output): AttachmentContent {
  const row = loadAttachment(ctx, input.id);
  if (!VIEWABLE.includes(row.fileType)) throw new ApiError('VALIDATION', t('attachments.wordOnly'));
  const key = keyFor(ctx, row, 'attachments.open', 'readCounsellingText');
  ctx.audit.write({
    action: 'attachments.open',
    entity: 'attachment',
    entityId: row.id,
    detail: { recordKind: row.recordKind, recordId: row.recordId },
  });
  return content(ctx, row, key);
}

function exportAttachment(ctx: Ctx, input: typeof attachmentIdInput._output): AttachmentContent {
  const row = loadAttachment(ctx, input.id);
  const key = keyFor(ctx, row, 'attachments.export', 'exportCounselling');
  const out = content(ctx, row, key);
  ctx.audit.write({
    action: 'attachments.export',
    entity: 'export',
    entityId: row.id,
    detail: {
      kind: 'attachment',
      fileName: out.fileName,
      sha256: row.sha256,
      bytes: row.bytes,
      recordKind: row.recordKind,
      recordId: row.recordId,
    },
  });
  return out;
}

/** Changing or removing a counselling attachment is recording counselling. */
function demandWrite(ctx: Ctx, row: AttachmentRow, methodName: string): void {
  if (!isRestricted(row)) return;
  const { ownerId } = resolveRecord(ctx, row.recordKind, row.recordId);
  demand(ctx, 'writeCounselling', { ownerId, method: methodName, entity: 'attachment', entityId: row.id });
}

function bump(ctx: Ctx, row: AttachmentRow, set: Partial<AttachmentRow>): void {
  const done = ctx.db
    .update(attachments)
    .set({ ...set, version: row.version + 1, updatedAt: ctx.clock.now(), updatedBy: ctx.user.id })
    .where(and(eq(attachments.id, row.id), eq(attachments.version, row.version)))
    .run();
  if (done.changes !== 1) throw new ApiError('CONFLICT', t('errors.conflict'));
}

function updateAttachment(ctx: Ctx, input: typeof attachmentUpdateInput._output): AttachmentView {
  const row = loadAttachment(ctx, input.id);
  if (row.version !== input.version) throw new ApiError('CONFLICT', t('errors.conflict'));
  demandWrite(ctx, row, 'attachments.update');
  bump(ctx, row, { title: input.title, kind: input.kind });
  ctx.audit.write({
    action: 'attachments.update',
    entity: 'attachment',
    entityId: row.id,
    detail: { kind: input.kind },
  });
  return toView(ctx, loadAttachment(ctx, row.id));
}

function removeAttachment(ctx: Ctx, input: typeof attachmentRemoveInput._output): null {
  const row = loadAttachment(ctx, input.id);
  if (row.version !== input.version) throw new ApiError('CONFLICT', t('errors.conflict'));
  demandWrite(ctx, row, 'attachments.remove');
  bump(ctx, row, { deletedAt: ctx.clock.now() });
  ctx.audit.write({
    action: 'attachments.remove',
    entity: 'attachment',
    entityId: row.id,
    detail: { recordKind: row.recordKind, recordId: row.recordId, sha256: row.sha256 },
  });
  return null;
}

function binList(ctx: ReadCtx, input: typeof attachmentBinInput._output): AttachmentView[] {
  const rows = ctx.db
    .select()
    .from(attachments)
    .where(isNotNull(attachments.deletedAt))
    .orderBy(desc(attachments.deletedAt))
    .limit(input.limit)
    .all();
  return visible(ctx, rows);
}

function restoreAttachment(ctx: Ctx, input: typeof attachmentIdInput._output): AttachmentView {
  const row = loadAttachment(ctx, input.id, { deleted: true });
  demandWrite(ctx, row, 'attachments.restore');
  bump(ctx, row, { deletedAt: null });
  ctx.audit.write({ action: 'attachments.restore', entity: 'attachment', entityId: row.id });
  return toView(ctx, loadAttachment(ctx, row.id));
}

/** 彻底删除: administrators only, from the recycle bin only; the audit row keeps the hash. */
function purgeAttachment(ctx: Ctx, input: typeof attachmentIdInput._output): null {
  const row = loadAttachment(ctx, input.id, { deleted: true });
  ctx.db.delete(attachmentChunks).where(eq(attachmentChunks.attachmentId, row.id)).run();
  ctx.db.delete(attachments).where(eq(attachments.id, row.id)).run();
  ctx.audit.write({
    action: 'attachments.purge',
    entity: 'attachment',
    entityId: row.id,
    detail: {
      recordKind: row.recordKind,
      recordId: row.recordId,
      childId: row.childId,
      bytes: row.bytes,
      sha256: row.sha256,
    },
  });
  return null;
}
