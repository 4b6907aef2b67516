import { createHash } from 'node:crypto';
import type { z } from 'zod';
import { type Host, hostMethod, method, type ReadCtx } from '../api/define';
import { ApiError } from '../api/errors';
import { maskIdNumber } from '../children/idNumber';
import { t } from '../i18n';
import { figureDef } from './codes';
import { ledgerWorkbook } from './excel';
import { drillInput, exportExcelInput, ledgerInput, mineInput } from './inputs';
import { computeLedger, type DrillPage, drillFigure, type Ledger } from './model';
import { yearPeriod } from './rules';
import { periodLabel } from './table';

export const statsMethods = {
  /** Every figure of a period, by township and caseworker, with the same period last year. */
  'stats.ledger': method({
    input: ledgerInput,
    access: 'user',
    kind: 'read',
    handler: ledger,
  }),

  /** The records behind one figure's cell, from the figure's own query. */
  'stats.drill': method({
    input: drillInput,
    access: 'user',
    kind: 'read',
    handler: drill,
  }),

  /** The signed-in caseworker's own year, for the small charts on 首页. */
  'stats.mine': method({
    input: mineInput,
    access: 'user',
    kind: 'read',
    handler: mine,
  }),

  /**
   * The ledger as an .xlsx. The bytes are made here, hashed here and recorded in the audit log
   * with the period before they are handed back, so every file that leaves has its row.
   */
  'stats.exportExcel': hostMethod({
    input: exportExcelInput,
    access: 'user',
    kind: 'host',
    handler: exportExcel,
  }),
};

export type { DrillPage, DrillRow, Ledger, LedgerFigure } from './model';

function ledger(ctx: ReadCtx, input: z.output<typeof ledgerInput>): Ledger {
  return computeLedger(ctx, input.period);
}

function mine(ctx: ReadCtx, input: z.output<typeof mineInput>): Ledger {
  return computeLedger(
    ctx,
    yearPeriod(input.year),
    { ownerId: ctx.user.id },
    { figures: MINE, lastYear: false },
  );
}

async function exportExcel(host: Host, input: z.output<typeof exportExcelInput>): Promise<ExcelFile> {
  const ctx = host.ctx();
  const ledger = computeLedger(ctx, input.period);
  const at = ctx.clock.now();
  const bytes = await ledgerWorkbook(ledger, input.breakdown, {
    name: ctx.user.displayName,
    at: localDateTime(at),
  });
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const fileName = t('stats.excel.fileName', {
    period: periodLabel(input.period),
    breakdown: input.breakdown === 'township' ? t('stats.page.township') : t('stats.page.caseworker'),
  });
  host.transaction((w) =>
    w.audit.write({
      action: 'stats.export',
      entity: 'stats',
      detail: {
        kind: 'ledgerExcel',
        period: { kind: input.period.kind, from: input.period.from, to: input.period.to },
        breakdown: input.breakdown,
        sha256,
        fileName,
        bytes: bytes.length,
      },
    }),
  );
  return { fileName, sha256, base64: bytes.toString('base64'), mime: XLSX_MIME };
}

/** What 首页's small charts draw, and nothing more: it loads beside the home screen. */
const MINE = ['childrenOnFile', 'visits', 'guidanceSessions', 'counsellingSessions'] as const;

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface ExcelFile {
  fileName: string;
  sha256: string;
  /** The file's bytes: base64, because the browser tests' bridge passes JSON only. */
  base64: string;
  mime: string;
}

function drill(
  ctx: Parameters<typeof computeLedger>[0],
  input: ReturnType<typeof drillInput.parse>,
): DrillPage {
  if (!figureDef(input.figure).drill) throw new ApiError('FORBIDDEN', t('stats.validation.countsOnly'));
  return drillFigure(
    ctx,
    input.figure,
    input.period,
    { township: input.township, ownerId: input.ownerId },
    { offset: input.offset, limit: input.limit },
    maskIdNumber,
  );
}

function localDateTime(ms: number): string {
  const d = new Date(ms);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}
