// 首页's small charts: the signed-in caseworker's own year (stats.mine), lazily loaded with echarts.
import { Card, Col, Row, Typography } from 'antd';
import { t } from '../../../db/i18n';
import { useApiQuery } from '../common/useApiQuery';
import { type ChartOption, EChart } from './EChart';
import { trendChart } from './StatsCharts';

export default function MyWorkCharts() {
  const year = new Date().getFullYear();
  const { data } = useApiQuery('stats.mine', { year });
  if (!data) return null;
  const trend = trendChart(data, ['visits', 'guidanceSessions', 'counsellingSessions']);
  // A narrow card: the legend goes under the bars, where it may take two rows.
  const small: ChartOption = {
    ...trend.option,
    legend: { bottom: 0 },
    grid: { left: 28, right: 8, top: 10, bottom: 96 },
  };
  const onFile = data.figures.find((f) => f.key === 'childrenOnFile')!;
  const towns = data.townships
    .map((tw): [string, number] => [tw, onFile.byTownship[tw] ?? 0])
    .filter((p) => p[1] > 0);
  const pie: ChartOption = {
    tooltip: { trigger: 'item', renderMode: 'richText' },
    legend: { bottom: 0 },
    series: [
      {
        type: 'pie',
        radius: ['30%', '55%'],
        center: ['50%', '35%'],
        // Counts inside the ring, names in the legend: outside labels do not fit a narrow card.
        label: { position: 'inside', formatter: '{c}' },
        data: towns.map(([name, value]) => ({ name, value })),
      },
    ],
  };
  const hasWork = trend.rows.some((r) => r.slice(1).some((v) => Number(v) > 0));
  return (
    <Card size="small" title={t('stats.home.title', { year })} data-testid="home-stats">
      <Row gutter={16}>
        <Col xs={24} xl={14}>
          <Typography.Text strong>{t('stats.home.trend')}</Typography.Text>
          {hasWork ? (
            <EChart option={small} height={280} label={t('stats.home.trend')} />
          ) : (
            <Typography.Paragraph type="secondary">{t('stats.home.empty')}</Typography.Paragraph>
          )}
        </Col>
        <Col xs={24} xl={10}>
          <Typography.Text strong>{t('stats.home.byTownship')}</Typography.Text>
          <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
            {t('stats.home.onFile', { count: onFile.total })}
          </Typography.Paragraph>
          {towns.length > 0 && <EChart option={pie} height={240} label={t('stats.home.byTownship')} />}
        </Col>
      </Row>
    </Card>
  );
}
