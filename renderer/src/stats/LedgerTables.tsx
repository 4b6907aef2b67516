// The two tables of the 台账, shared by the page and its print view: the studio's figures with
// their definitions, and the ledger by township or caseworker (the same cells as the Excel file).
import type { ReactNode } from 'react';
import { t } from '../../../db/i18n';
import { type Breakdown, FIGURES, GROUPS } from '../../../db/stats/codes';
import { figureChange, figureHead, figureText, ledgerRows } from '../../../db/stats/table';
import type { ApiOutput } from '../api/client';

export type Ledger = ApiOutput<'stats.ledger'>;

/** What a number becomes: on the page a link that drills, in print plain text. */
export type CellRender = (
  value: number,
  figure: (typeof FIGURES)[number],
  row: { key: string; label: string },
) => ReactNode;

const plain: CellRender = (v, def) => figureText(def, v);

export function SummaryTable({ ledger, render = plain }: { ledger: Ledger; render?: CellRender }) {
  const byKey = new Map(ledger.figures.map((f) => [f.key, f]));
  return (
    <table className="sw-stats-table" data-testid="stats-summary">
      <thead>
        <tr>
          <th>{t('stats.page.figure')}</th>
          <th>{t('stats.page.unit')}</th>
          <th>{t('stats.page.current')}</th>
          <th>{t('stats.page.lastYear')}</th>
          <th>{t('stats.page.change')}</th>
          <th>{t('stats.page.basis')}</th>
          <th>{t('stats.page.definition')}</th>
        </tr>
      </thead>
      <tbody>
        {FIGURES.map((def) => {
          const f = byKey.get(def.key)!;
          return (
            <tr key={def.key} data-figure={def.key}>
              <th scope="row">{t(`stats.figures.${def.key}.name`)}</th>
              <td>{t(`stats.units.${def.unit}`)}</td>
              <td className="num" data-testid={`total-${def.key}`}>
                {render(f.total, def, { key: 'total', label: t('stats.drill.studio') })}
              </td>
              <td className="num">{figureText(def, f.lastYear.total)}</td>
              <td className="num">{figureChange(def, f.total, f.lastYear.total)}</td>
              <td>{t(`stats.figures.${def.key}.basis`)}</td>
              <td className="def">{t(`stats.figures.${def.key}.definition`)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

export function BreakdownTable({
  ledger,
  breakdown,
  render = plain,
}: {
  ledger: Ledger;
  breakdown: Breakdown;
  render?: CellRender;
}) {
  const rows = ledgerRows(ledger, breakdown);
  return (
    <table className="sw-stats-table sw-stats-ledger" data-testid="stats-ledger">
      <thead>
        <tr>
          <th rowSpan={2}>
            {breakdown === 'township' ? t('stats.page.township') : t('stats.page.caseworker')}
          </th>
          {GROUPS.map((g) => (
            <th key={g} colSpan={FIGURES.filter((f) => f.group === g).length}>
              {t(`stats.groups.${g}`)}
            </th>
          ))}
        </tr>
        <tr>
          {FIGURES.map((def) => (
            <th key={def.key} title={t(`stats.figures.${def.key}.definition`)}>
              {figureHead(def)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key} data-row={row.key} className={row.kind === 'cell' ? undefined : 'strong'}>
            <th scope="row">{row.label}</th>
            {row.values.map((v, i) => {
              const def = FIGURES[i];
              return (
                <td key={def.key} className="num">
                  {v === null
                    ? '—'
                    : row.kind === 'cell'
                      ? render(v, def, row)
                      : row.kind === 'total'
                        ? render(v, def, { key: 'total', label: t('stats.drill.studio') })
                        : figureText(def, v)}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
