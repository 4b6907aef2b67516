import { and, eq, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import { type Ctx, type Host, hostMethod, method, type ReadCtx } from '../api/define';
import { ApiError } from '../api/errors';
import { appendixFiles } from '../attachments/model';
import { loadChild } from '../children/model';
import { maySeeCounsellingText } from '../counselling/model';
import { t } from '../i18n';
import { guardianshipOrders } from '../orders/schema';
import { loadRelief } from '../relief/model';
import { loadSuit } from '../suits/model';
import { appendToPdf, UnappendableFile } from './appendPdf';
import { appendAttachmentsInput, childSummaryInput, recordExportInput, type SummarySection } from './inputs';
import { type ChildSummaryDoc, childSummary } from './summary';

export const documentMethods = {
  /**
   * The data of a referral summary. A write, because revealing the full ID number and reading
   * counselling notes are each audited, as they are on their own screens.
   */
  'documents.childSummary': method({
    input: childSummaryInput,
    access: 'user',
    kind: 'write',
    handler: childSummaryMethod,
  }),

  /**
   * 附上附件原件: the shell hands over the summary it printed and gets back that PDF followed by
   * the attachments the summary served to this user listed for appending (its children.view
   * row), merged in memory; unchanged when none were asked for. The shell then writes and
   * records the merged file as it would the summary alone, so the export row has its hash.
   */
  'documents.appendAttachments': hostMethod({
    input: appendAttachmentsInput,
    access: 'user',
    kind: 'host',
    shellOnly: true,
    handler: appendAttachments,
  }),

  /**
   * Records a file that left the app (ARCHITECTURE §1: every export is in the audit log). Only
   * the shell calls it (never the renderer's channel), with the SHA-256 of the bytes it wrote to
   * disk, so a copy found later can be matched to its row. What a summary holds is taken from
   * the core's own record of the summary it served, not from the caller.
   */
  'documents.recordExport': method({
    input: recordExportInput,
    access: 'user',
    kind: 'write',
    shellOnly: true,
    handler: recordExport,
  }),
};

const EXPORT_ENTITY = {
  orderPdf: 'order',
  childSummary: 'child',
  reliefPdf: 'relief',
  suitPdf: 'suit',
} as const;

export type { ChildSummaryDoc } from './summary';

interface ServedSummary {
  sections: SummarySection[];
  partner: string;
  fullId: boolean;
  includeCharge: boolean;
  /** The attachments whose PDFs and images follow the summary's pages (附上附件原件). */
  appended?: string[];
}

/** How long after its data was served a summary may be recorded as exported (a batch takes a while). */
const SERVED_WITHIN_MS = 30 * 60_000;

function lastServedSummary(ctx: ReadCtx, childId: string): ServedSummary | null {
  const row = ctx.raw
    .prepare(
      `SELECT detail FROM audit_log WHERE entity = 'child' AND entity_id = ? AND action = 'children.view'
       AND actor_id = ? AND at >= ? AND json_extract(detail, '$.via') = 'documents.childSummary'
       ORDER BY seq DESC LIMIT 1`,
    )
    .get(childId, ctx.user.id, ctx.clock.now() - SERVED_WITHIN_MS) as { detail: string } | undefined;
  return row ? (JSON.parse(row.detail) as ServedSummary) : null;
}

function childSummaryMethod(ctx: Ctx, input: z.output<typeof childSummaryInput>): ChildSummaryDoc {
  return childSummary(ctx, input);
}

function recordExport(ctx: Ctx, input: z.output<typeof recordExportInput>): { recordedAt: number } {
  if (input.kind === 'statsPdf') {
    // The 统计台账 page printed: counts only, so the row carries the period, not a child.
    if (!input.period)
      throw new ApiError('VALIDATION', t('errors.validation'), { period: t('errors.required') });
    ctx.audit.write({
      action: 'stats.export',
      entity: 'stats',
      detail: {
        kind: 'ledgerPdf',
        period: input.period,
        sha256: input.sha256,
        fileName: input.fileName,
        ...(input.pages ? { pages: input.pages } : {}),
      },
    });
    return { recordedAt: ctx.clock.now() };
  }
  if (!input.childId)
    throw new ApiError('VALIDATION', t('errors.validation'), { childId: t('errors.required') });
  const child = loadChild(ctx, input.childId);
  if (input.kind === 'orderPdf') {
    const order = ctx.db
      .select({ childId: guardianshipOrders.childId })
      .from(guardianshipOrders)
      .where(and(eq(guardianshipOrders.id, input.entityId), isNull(guardianshipOrders.deletedAt)))
      .get();
    if (!order) throw new ApiError('NOT_FOUND', t('errors.notFound'));
    if (order.childId !== child.id)
      throw new ApiError('VALIDATION', t('errors.validation'), {
        childId: t('documents.validation.wrongChild'),
      });
  } else if (input.kind === 'reliefPdf' || input.kind === 'suitPdf') {
    const owner =
      input.kind === 'reliefPdf'
        ? loadRelief(ctx, input.entityId).childId
        : loadSuit(ctx, input.entityId).childId;
    if (owner !== child.id)
      throw new ApiError('VALIDATION', t('errors.validation'), {
        childId: t('documents.validation.wrongChild'),
      });
  } else if (input.entityId !== child.id) {
    throw new ApiError('VALIDATION', t('errors.validation'), {
      entityId: t('documents.validation.wrongChild'),
    });
  }
  // The row says what the file holds: the sections of the summary this user was last served
  // for this child (its children.view row), and whether its counselling part was reduced.
  let sections = input.sections;
  let served: ServedSummary | null = null;
  if (input.kind === 'childSummary') {
    served = lastServedSummary(ctx, child.id);
    if (!served) throw new ApiError('VALIDATION', t('documents.validation.notServed'));
    sections = served.sections;
  }
  const restricted =
    sections?.includes('counselling') && !maySeeCounsellingText(ctx, child.ownerId)
      ? ['counselling']
      : undefined;
  ctx.audit.write({
    action: 'documents.export',
    entity: EXPORT_ENTITY[input.kind],
    entityId: input.entityId,
    detail: {
      kind: input.kind,
      childId: child.id,
      ...(sections ? { sections } : {}),
      ...(restricted ? { restricted } : {}),
      ...(served
        ? { partner: served.partner, fullId: served.fullId, includeCharge: served.includeCharge }
        : {}),
      ...(served?.appended ? { appended: served.appended } : {}),
      ...(!served && input.partner ? { partner: input.partner } : {}),
      sha256: input.sha256,
      fileName: input.fileName,
      ...(input.pages ? { pages: input.pages } : {}),
    },
  });
  return { recordedAt: ctx.clock.now() };
}

async function appendAttachments(
  host: Host,
  input: typeof appendAttachmentsInput._output,
): Promise<{ pdf: Uint8Array; appended: number }> {
  const ctx = host.readCtx();
  const ids = lastServedSummary(ctx, input.childId)?.appended ?? [];
  if (!ids.length) return { pdf: input.pdf, appended: 0 };
  // Read now, while the session is open; the merge that follows needs no database.
  const files = appendixFiles(ctx, ids);
  try {
    const merged = await appendToPdf(input.pdf, files);
    return { pdf: merged.bytes, appended: files.length };
  } catch (err) {
    if (err instanceof UnappendableFile)
      throw new ApiError('VALIDATION', t('documents.validation.unappendable', { title: err.title }));
    throw err;
  } finally {
    for (const f of files) f.bytes.fill(0);
  }
}
