import { t } from '../../../db/i18n';
import {
  PRINT_PROGRESS_EVENT,
  type PrintProgress,
  type ShellInput,
  type ShellMethod,
  type ShellOutput,
} from '../../../electron/print-contract';
import { ApiCallError, api, bridge, invokeBridge } from '../api/client';
import {
  orderFileName,
  orderRoute,
  reliefFileName,
  reliefRoute,
  type SummaryOptions,
  suitFileName,
  suitRoute,
  summaryFileName,
  summaryRoute,
} from './routes';

export type { PrintProgress, SummaryOptions };

/** The typed twin of `api()` for the shell's own methods, which the core's contract does not list. */
export async function shell<M extends ShellMethod>(method: M, input: ShellInput<M>): Promise<ShellOutput<M>> {
  const result = await invokeBridge(method, input, t('documents.print.desktopOnly'));
  if (result.ok) return result.value as ShellOutput<M>;
  // Outside the desktop app (a browser test) no shell answers, and the core knows no shell.*.
  if (result.error.code === 'NOT_FOUND')
    throw new ApiCallError({ code: 'NOT_FOUND', message: t('documents.print.desktopOnly') });
  throw new ApiCallError(result.error);
}

/** Prints a guardianship order to PDF; null when the caseworker cancelled the save dialog. */
export async function printOrder(orderId: string): Promise<ShellOutput<'shell.printToPdf'>> {
  const order = await api('orders.get', { id: orderId });
  return shell('shell.printToPdf', {
    route: orderRoute(orderId),
    suggestedName: orderFileName(order.number),
    export: { kind: 'orderPdf', entityId: orderId, childId: order.child.id },
  });
}

/** 国家司法救助审批表 to PDF. */
export async function printRelief(id: string): Promise<ShellOutput<'shell.printToPdf'>> {
  const r = await api('relief.get', { id });
  return shell('shell.printToPdf', {
    route: reliefRoute(id),
    suggestedName: reliefFileName(r.child.name),
    export: { kind: 'reliefPdf', entityId: id, childId: r.child.id },
  });
}

/** 支持起诉意见书 to PDF. */
export async function printSuit(id: string): Promise<ShellOutput<'shell.printToPdf'>> {
  const s = await api('suits.get', { id });
  return shell('shell.printToPdf', {
    route: suitRoute(id),
    suggestedName: suitFileName(s.number),
    export: { kind: 'suitPdf', entityId: id, childId: s.child.id },
  });
}

export interface SummaryTarget {
  childId: string;
  /** Only its first character reaches the file name (张某). */
  childName: string;
}

function summaryJob(target: SummaryTarget, options: SummaryOptions) {
  return {
    route: summaryRoute(target.childId, options),
    fileName: summaryFileName(target.childName),
    export: {
      kind: 'childSummary' as const,
      entityId: target.childId,
      childId: target.childId,
      sections: options.sections,
      partner: options.partner,
    },
  };
}

export async function exportChildSummary(
  target: SummaryTarget,
  options: SummaryOptions,
): Promise<ShellOutput<'shell.printToPdf'>> {
  const job = summaryJob(target, options);
  return shell('shell.printToPdf', { route: job.route, suggestedName: job.fileName, export: job.export });
}

/** One PDF per child into one folder chosen once; progress arrives through `onPrintProgress`. */
export async function exportSummaries(
  targets: SummaryTarget[],
  options: SummaryOptions,
): Promise<ShellOutput<'shell.printBatch'>> {
  return shell('shell.printBatch', { items: targets.map((target) => summaryJob(target, options)) });
}

export async function cancelPrint(): Promise<ShellOutput<'shell.cancelPrint'>> {
  return shell('shell.cancelPrint', {});
}

export function onPrintProgress(listener: (progress: PrintProgress) => void): () => void {
  const b = bridge();
  if (!b) return () => undefined;
  return b.on(PRINT_PROGRESS_EVENT, (payload) => {
    const p = payload as Partial<PrintProgress> | null;
    if (p && typeof p.done === 'number' && typeof p.total === 'number')
      listener({ done: p.done, total: p.total });
  });
}
