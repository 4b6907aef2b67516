// The 台账 as printed (#/print/stats/ledger?…): title, 单位 and 统计期间, the studio's figures
// with their definitions, the ledger by township or caseworker, the exporter and the time.

import { t } from '../../../db/i18n';
import type { Breakdown } from '../../../db/stats/codes';
import { periodLabel, periodRange } from '../../../db/stats/table';
import { BreakdownTable, type Ledger, SummaryTable } from './LedgerTables';
import './stats.css';

export function StatsDocument({
  ledger,
  breakdown,
  exporter,
}: {
  ledger: Ledger;
  breakdown: Breakdown;
  exporter: { name: string; at: string };
}) {
  return (
    <article className="sw-stats-print">
      <style>{'@page { size: A4 landscape; margin: 12mm; }'}</style>
      <h1 style={{ textAlign: 'center', fontSize: '18pt', margin: '0 0 6mm' }}>{t('stats.print.title')}</h1>
      <p style={{ margin: '0 0 1mm' }}>{t('stats.excel.unitLine', { studio: t('stats.studio') })}</p>
      <p style={{ margin: '0 0 4mm' }}>
        {t('stats.excel.periodLine', {
          period: `${periodLabel(ledger.period)}（${periodRange(ledger.period)}）`,
        })}
      </p>
      <SummaryTable ledger={ledger} />
      <div style={{ breakBefore: 'page' }} />
      <h2 style={{ fontSize: '13pt', margin: '0 0 3mm' }}>
        {t('stats.page.ledgerTitle', {
          breakdown: breakdown === 'township' ? t('stats.page.byTownship') : t('stats.page.byCaseworker'),
        })}
      </h2>
      <BreakdownTable ledger={ledger} breakdown={breakdown} />
      <p style={{ marginTop: '4mm', fontSize: '9pt' }}>{t('stats.excel.defNote')}</p>
      <p style={{ fontSize: '9pt' }}>{t('stats.print.exporter', exporter)}</p>
    </article>
  );
}
