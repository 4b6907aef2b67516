import { and, eq, isNull } from 'drizzle-orm';
import { t } from '../../renderer/src/i18n';
import { method } from '../api/define';
import { ApiError } from '../api/errors';
import { loadChild } from '../children/model';
import { maySeeCounsellingText } from '../counselling/handlers';
import { guardianshipOrders } from '../orders/schema';
import { loadRelief } from '../relief/model';
import { loadSuit } from '../suits/model';
import { childSummaryInput, recordExportInput } from './inputs';
import { type ChildSummaryDoc, childSummary } from './summary';

const EXPORT_ENTITY = {
  orderPdf: 'order',
  childSummary: 'child',
  reliefPdf: 'relief',
  suitPdf: 'suit',
} as const;

export type { ChildSummaryDoc } from './summary';

export const documentMethods = {
  /**
   * The data of a referral summary. A write, because revealing the full ID number and reading
   * counselling notes are each audited, as they are on their own screens.
   */
  'documents.childSummary': method({
    input: childSummaryInput,
    access: 'user',
    kind: 'write',
    handler: (ctx, input): ChildSummaryDoc => childSummary(ctx, input),
  }),

  /**
   * Records a file that left the app (ARCHITECTURE §1: every export is in the audit log). The
   * shell calls it with the file's SHA-256, so a copy found later can be matched to its row.
   */
  'documents.recordExport': method({
    input: recordExportInput,
    access: 'user',
    kind: 'write',
    handler: (ctx, input): { recordedAt: number } => {
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
      // The row says what the file holds: a section its exporter may not read was left out of it.
      let sections = input.sections;
      let omitted: string[] | undefined;
      if (sections?.includes('counselling') && !maySeeCounsellingText(ctx, child.ownerId)) {
        sections = sections.filter((s) => s !== 'counselling');
        omitted = ['counselling'];
      }
      ctx.audit.write({
        action: 'documents.export',
        entity: EXPORT_ENTITY[input.kind],
        entityId: input.entityId,
        detail: {
          kind: input.kind,
          childId: child.id,
          ...(sections ? { sections } : {}),
          ...(omitted ? { omitted } : {}),
          ...(input.partner ? { partner: input.partner } : {}),
          sha256: input.sha256,
          fileName: input.fileName,
          ...(input.pages ? { pages: input.pages } : {}),
        },
      });
      return { recordedAt: ctx.clock.now() };
    },
  }),
};
