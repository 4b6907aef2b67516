// The 统计台账 charts, each with the table it is drawn from beside it. Loaded with React.lazy,
// so echarts is fetched only when this page (or 首页's small charts) is opened.
import { Card, Col, Row, Typography } from 'antd';
import { useMemo } from 'react';
import { t } from '../../../db/i18n';
import { type FigureKey, figureDef } from '../../../db/stats/codes';
import { type ChartOption, EChart } from './EChart';
import type { Ledger } from './LedgerTables';

/** In the order of the legend; each must be in the core's TREND set (db/stats/model.ts). */
export const TREND_FIGURES: FigureKey[] = [
  'guidanceSessions',
  'admonitions',
  'ordersIssued',
  'counsellingSessions',
  'visits',
];

function figure(ledger: Ledger, key: FigureKey) {
  return ledger.figures.find((f) => f.key === key)!;
}

const name = (key: FigureKey) => t(`stats.figures.${key}.name`);
const monthLabel = (ym: string) => `${Number(ym.slice(5, 7))}月`;

/** A chart and its numbers side by side; the table is what a screen reader and a printout read. */
export function ChartCard({
  title,
  option,
  head,
  rows,
  testId,
  height,
}: {
  title: string;
  option: ChartOption;
  head: string[];
  rows: (string | number)[][];
  testId: string;
  height?: number;
}) {
  return (
    <Card size="small" title={title} data-testid={testId} style={{ breakInside: 'avoid' }}>
      {rows.length === 0 ? (
        <Typography.Text type="secondary">{t('stats.charts.empty')}</Typography.Text>
      ) : (
        <Row gutter={12} align="middle">
          <Col xs={24} lg={15}>
            <EChart option={option} label={title} height={height} />
          </Col>
          <Col xs={24} lg={9}>
            <table
              className="sw-stats-table sw-chart-table"
              aria-label={`${title}${t('stats.charts.table')}`}
            >
              <thead>
                <tr>
                  {head.map((h) => (
                    <th key={h}>{h}</th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={String(r[0])}>
                    <th>{r[0]}</th>
                    {r.slice(1).map((v, i) => (
                      <td key={head[i + 1]} className="num">
                        {v}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </Col>
        </Row>
      )}
    </Card>
  );
}

export function trendChart(ledger: Ledger, keys: FigureKey[]) {
  const months = ledger.months;
  const option: ChartOption = {
    // richText: an HTML tooltip is markup with style attributes, which the page's CSP refuses.
    tooltip: { trigger: 'axis', renderMode: 'richText' },
    // Every series named (a scrolling legend hides some in print); room for two rows of it.
    legend: { top: 0 },
    grid: { left: 36, right: 12, top: 64, bottom: 24 },
    xAxis: { type: 'category', data: months.map(monthLabel) },
    yAxis: { type: 'value', minInterval: 1 },
    series: keys.map((k) => ({
      type: 'bar',
      name: `${name(k)}（${t(`stats.units.${figureDef(k).unit}`)}）`,
      data: months.map((m) => figure(ledger, k).byMonth[m] ?? 0),
    })),
  };
  const rows = months.map((m) => [monthLabel(m), ...keys.map((k) => figure(ledger, k).byMonth[m] ?? 0)]);
  return {
    option,
    head: [
      t('stats.charts.month'),
      ...keys.map((k) => `${name(k)}（${t(`stats.units.${figureDef(k).unit}`)}）`),
    ],
    rows,
  };
}

function barOf(pairs: [string, number][], seriesName: string, horizontal = false): ChartOption {
  const labels = pairs.map((p) => p[0]);
  const values = pairs.map((p) => p[1]);
  return {
    tooltip: { trigger: 'axis', renderMode: 'richText' },
    grid: { left: horizontal ? 80 : 36, right: 16, top: 12, bottom: horizontal ? 20 : 48 },
    xAxis: horizontal
      ? { type: 'value', minInterval: 1 }
      : { type: 'category', data: labels, axisLabel: { interval: 0, rotate: 30 } },
    yAxis: horizontal ? { type: 'category', data: labels, inverse: true } : { type: 'value', minInterval: 1 },
    series: [
      {
        type: 'bar',
        name: seriesName,
        data: values,
        label: { show: true, position: horizontal ? 'right' : 'top' },
      },
    ],
  };
}

function pieOf(pairs: [string, number][], seriesName: string): ChartOption {
  return {
    tooltip: { trigger: 'item', renderMode: 'richText' },
    legend: { bottom: 0 },
    series: [
      {
        type: 'pie',
        name: seriesName,
        radius: ['35%', '65%'],
        label: { formatter: '{b}：{c}' },
        data: pairs.map(([n, v]) => ({ name: n, value: v })),
      },
    ],
  };
}

export default function StatsCharts({ ledger }: { ledger: Ledger }) {
  const charts = useMemo(() => {
    const trend = trendChart(ledger, TREND_FIGURES);
    const onFile = figure(ledger, 'childrenOnFile');
    const townships = ledger.townships.map((tw): [string, number] => [tw, onFile.byTownship[tw] ?? 0]);
    const agencies = Object.entries(figure(ledger, 'referralActions').byTag).sort((a, b) => b[1] - a[1]);
    const outcomes = Object.entries(figure(ledger, 'ordersClosed').byTag).map(([k, v]): [string, number] => [
      k === 'close' || k === 'guidance' || k === 'supportSuit' ? t(`stats.outcomes.${k}`) : k,
      v,
    ]);
    return { trend, townships, agencies, outcomes };
  }, [ledger]);
  const count = t('stats.charts.count');
  return (
    <Row gutter={[16, 16]}>
      <Col span={24}>
        <ChartCard testId="chart-trend" title={t('stats.charts.trend')} {...charts.trend} height={280} />
      </Col>
      <Col xs={24} xl={12}>
        <ChartCard
          testId="chart-township"
          title={t('stats.charts.byTownship')}
          option={barOf(charts.townships, name('childrenOnFile'), true)}
          head={[t('stats.page.township'), `${name('childrenOnFile')}（人）`]}
          rows={charts.townships}
          height={300}
        />
      </Col>
      <Col xs={24} xl={12}>
        <Row gutter={[16, 16]}>
          <Col span={24}>
            <ChartCard
              testId="chart-agency"
              title={t('stats.charts.byAgency')}
              option={barOf(charts.agencies, name('referralActions'))}
              head={[t('stats.charts.agency'), `${count}（次）`]}
              rows={charts.agencies}
              height={220}
            />
          </Col>
          <Col span={24}>
            <ChartCard
              testId="chart-outcome"
              title={t('stats.charts.byOutcome')}
              option={pieOf(charts.outcomes, name('ordersClosed'))}
              head={[t('stats.charts.outcome'), `${count}（份）`]}
              rows={charts.outcomes}
              height={220}
            />
          </Col>
        </Row>
      </Col>
    </Row>
  );
}
