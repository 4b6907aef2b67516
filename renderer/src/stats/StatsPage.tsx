// 统计台账: the studio's figures for a month, quarter, year or custom range, by township or by
// caseworker, each number a link to the records behind it; charts below (their own chunk);
// the ledger out as Excel (made and audited in the core) or as a PDF of the print view.
import { FileExcelOutlined, FilePdfOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  DatePicker,
  Flex,
  Segmented,
  Select,
  Space,
  Spin,
  Tooltip,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { lazy, Suspense, useMemo, useState } from 'react';
import { t } from '../../../db/i18n';
import { type Breakdown, type FigureDef, NO_OWNER } from '../../../db/stats/codes';
import { figureText, periodLabel } from '../../../db/stats/table';
import { api, toApiCallError } from '../api/client';
import { PageHeader } from '../common/PageHeader';
import { fromBase64, saveFile } from '../common/saveFile';
import { useApiQuery } from '../common/useApiQuery';
import { shell } from '../print/printClient';
import { DrillModal, type DrillTarget } from './DrillModal';
import { BreakdownTable, type CellRender, SummaryTable } from './LedgerTables';
import { defaultChoice, type PeriodChoice, toInput, toQuery } from './period';
import './stats.css';

const StatsCharts = lazy(() => import('./StatsCharts'));

const KINDS = ['year', 'quarter', 'month', 'custom'] as const;

export function StatsPage() {
  const { message } = App.useApp();
  const [choice, setChoice] = useState<PeriodChoice>(() => defaultChoice());
  const [breakdown, setBreakdown] = useState<Breakdown>('township');
  const [drill, setDrill] = useState<DrillTarget | null>(null);
  const [busy, setBusy] = useState<'excel' | 'pdf' | null>(null);
  const period = toInput(choice);
  const { data, error, loading } = useApiQuery('stats.ledger', period ? { period } : null);
  const periodText = data ? periodLabel(data.period) : '';
  const years = useMemo(() => {
    const now = new Date().getFullYear();
    return Array.from({ length: 8 }, (_, i) => now - i);
  }, []);
  const set = (patch: Partial<PeriodChoice>) => setChoice((c) => ({ ...c, ...patch }));

  const render: CellRender = (value, def: FigureDef, row) => {
    if (!def.drill || value === 0) return <span>{figureText(def, value)}</span>;
    const cell =
      row.key === 'total'
        ? { township: null, ownerId: null }
        : breakdown === 'township'
          ? { township: row.key, ownerId: null }
          : { township: null, ownerId: row.key === NO_OWNER ? NO_OWNER : row.key };
    return (
      <Typography.Link onClick={() => setDrill({ figure: def.key, ...cell, cellLabel: row.label })}>
        {figureText(def, value)}
      </Typography.Link>
    );
  };

  const exportExcel = async () => {
    if (!period) return;
    setBusy('excel');
    try {
      const file = await api('stats.exportExcel', { period, breakdown });
      await saveFile(fromBase64(file.base64), file.fileName, file.mime);
      message.success(t('stats.page.exported', { fileName: file.fileName }));
    } catch (err) {
      const e = toApiCallError(err);
      if (e.code !== 'LOCKED') message.error(t('stats.page.exportFailed', { message: e.message }));
    } finally {
      setBusy(null);
    }
  };

  const exportPdf = async () => {
    if (!period || !data) return;
    setBusy('pdf');
    try {
      const saved = await shell('shell.printToPdf', {
        route: `/print/stats/ledger?${toQuery(period, breakdown)}`,
        suggestedName: t('stats.excel.pdfFileName', { period: periodText }),
        export: {
          kind: 'statsPdf',
          entityId: 'ledger',
          period: { kind: data.period.kind, from: data.period.from, to: data.period.to },
        },
      });
      if (saved) message.success(t('stats.page.exported', { fileName: saved.fileName }));
    } catch (err) {
      const e = toApiCallError(err);
      if (e.code !== 'LOCKED') message.error(t('stats.page.exportFailed', { message: e.message }));
    } finally {
      setBusy(null);
    }
  };

  return (
    <>
      <PageHeader
        title={t('stats.page.title')}
        intro={t('stats.page.intro')}
        extra={
          <Space className="sw-stats-noprint">
            <Button
              icon={<FileExcelOutlined />}
              loading={busy === 'excel'}
              disabled={!data}
              onClick={() => void exportExcel()}
            >
              {t('stats.page.exportExcel')}
            </Button>
            <Button
              icon={<FilePdfOutlined />}
              loading={busy === 'pdf'}
              disabled={!data}
              onClick={() => void exportPdf()}
            >
              {t('stats.page.exportPdf')}
            </Button>
          </Space>
        }
      />
      <Card size="small" style={{ marginBottom: 16 }} className="sw-stats-noprint">
        <Flex gap={16} wrap align="center">
          <Space>
            <Typography.Text>{t('stats.page.periodKind')}</Typography.Text>
            <Segmented
              aria-label={t('stats.page.periodKind')}
              value={choice.kind}
              options={KINDS.map((k) => ({ value: k, label: t(`stats.period.kinds.${k}`) }))}
              onChange={(v) => set({ kind: v as PeriodChoice['kind'] })}
            />
          </Space>
          {choice.kind !== 'custom' && (
            <Select
              aria-label={t('stats.page.year')}
              data-testid="stats-year"
              value={choice.year}
              style={{ width: 110 }}
              options={years.map((y) => ({ value: y, label: t('stats.period.year', { year: y }) }))}
              onChange={(v) => set({ year: v })}
            />
          )}
          {choice.kind === 'quarter' && (
            <Select
              aria-label={t('stats.page.quarter')}
              value={choice.quarter}
              style={{ width: 120 }}
              options={[1, 2, 3, 4].map((q) => ({
                value: q,
                label: t(`stats.period.quarterNames.q${q as 1 | 2 | 3 | 4}`),
              }))}
              onChange={(v) => set({ quarter: v })}
            />
          )}
          {choice.kind === 'month' && (
            <Select
              aria-label={t('stats.page.month')}
              value={choice.month}
              style={{ width: 90 }}
              options={Array.from({ length: 12 }, (_, i) => ({ value: i + 1, label: `${i + 1}月` }))}
              onChange={(v) => set({ month: v })}
            />
          )}
          {choice.kind === 'custom' && (
            <DatePicker.RangePicker
              aria-label={t('stats.page.range')}
              value={choice.from && choice.to ? [dayjs(choice.from), dayjs(choice.to)] : null}
              onChange={(v) =>
                set({ from: v?.[0]?.format('YYYY-MM-DD') ?? null, to: v?.[1]?.format('YYYY-MM-DD') ?? null })
              }
            />
          )}
          <Space>
            <Typography.Text>{t('stats.page.breakdown')}</Typography.Text>
            <Segmented
              aria-label={t('stats.page.breakdown')}
              value={breakdown}
              options={[
                { value: 'township', label: t('stats.page.byTownship') },
                { value: 'caseworker', label: t('stats.page.byCaseworker') },
              ]}
              onChange={(v) => setBreakdown(v as Breakdown)}
            />
          </Space>
        </Flex>
      </Card>
      {error && <Typography.Text type="danger">{error}</Typography.Text>}
      {!data && loading && (
        <Flex justify="center" style={{ padding: 48 }}>
          <Spin description={t('stats.page.loading')} />
        </Flex>
      )}
      {data && (
        <Flex vertical gap={16} style={{ opacity: loading ? 0.6 : 1 }}>
          <Card
            size="small"
            title={`${t('stats.page.summary')}　${periodText}`}
            extra={
              <Tooltip title={t('stats.page.countsOnly')}>
                <Typography.Text type="secondary">{t('stats.page.countsOnly')}</Typography.Text>
              </Tooltip>
            }
          >
            <div className="sw-stats-scroll">
              <SummaryTable ledger={data} render={render} />
            </div>
          </Card>
          <Card
            size="small"
            title={t('stats.page.ledgerTitle', {
              breakdown: breakdown === 'township' ? t('stats.page.byTownship') : t('stats.page.byCaseworker'),
            })}
          >
            <div className="sw-stats-scroll">
              <BreakdownTable ledger={data} breakdown={breakdown} render={render} />
            </div>
          </Card>
          <Suspense
            fallback={
              <Flex justify="center" style={{ padding: 24 }}>
                <Spin description={t('stats.charts.loading')} />
              </Flex>
            }
          >
            <StatsCharts ledger={data} />
          </Suspense>
        </Flex>
      )}
      {drill && period && (
        <DrillModal target={drill} period={period} periodText={periodText} onClose={() => setDrill(null)} />
      )}
    </>
  );
}
