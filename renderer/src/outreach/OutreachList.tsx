import { Flex, Statistic, type TableColumnsType, Typography } from 'antd';
import { useMemo } from 'react';
import { TOWNSHIPS } from '../../../db/children/inputs';
import { t } from '../../../db/i18n';
import { TOPICS } from '../../../db/outreach/codes';
import { OUTREACH_VIEWS } from '../../../db/outreach/inputs';
import type { ApiOutput } from '../api/client';
import { columnsOf, recordLink } from '../common/columns';
import { codeFilter, periodFilter, Register, useRegister } from '../common/RegisterList';
import { OutreachStatusTag, placeText } from './parts';

type Row = ApiOutput<'outreach.list'>['rows'][number];
const col = columnsOf<Row>();

const REGISTER = {
  area: 'outreach',
  path: '/outreach',
  views: OUTREACH_VIEWS,
  open: [],
  defaultView: 'all',
} as const;
const TOPIC = codeFilter('outreach.list.filters.topic', TOPICS, (k) => t(`outreach.topics.${k}`), 160);
const TOWNSHIP = codeFilter('outreach.list.filters.township', TOWNSHIPS, (k) => k, 180);
const PERIOD = periodFilter(t('outreach.list.periodFilter'));

/** The register of outreach events with the 台账 line for what the filters select. */
export function OutreachList() {
  const list = useRegister(REGISTER, 'outreach.list', (params) => ({
    topic: TOPIC.read(params),
    township: TOWNSHIP.read(params),
    ...PERIOD.read(params),
  }));
  const columns = useMemo(listColumns, []);

  return (
    <Register
      {...list}
      columns={columns}
      filters={[TOPIC, TOWNSHIP, PERIOD]}
      summary={(data) => (
        <Flex gap={48} align="center" style={{ marginBottom: 16 }} data-testid="outreach-summary">
          <Statistic title={t('outreach.figures.events.label')} value={data.held.events} suffix="次" />
          <Statistic title={t('outreach.figures.audience.label')} value={data.held.audience} suffix="人次" />
          <Typography.Text type="secondary">
            {t('outreach.list.summary', { events: data.held.events, audience: data.held.audience })}
          </Typography.Text>
        </Flex>
      )}
    />
  );
}

function listColumns(): TableColumnsType<Row> {
  return [
    col(t('outreach.fields.date'), 'date', (d, row) => recordLink(`/outreach/${row.id}`, d)),
    { title: t('outreach.fields.place'), key: 'place', render: (_: unknown, row) => placeText(row) },
    {
      title: t('outreach.fields.topic'),
      key: 'topic',
      render: (_: unknown, row) =>
        row.title ? `${t(`outreach.topics.${row.topic}`)}：${row.title}` : t(`outreach.topics.${row.topic}`),
    },
    col(t('outreach.fields.audienceKind'), 'audienceKind', (k) => t(`outreach.audienceKinds.${k}`)),
    col(
      t('outreach.fields.audienceCount'),
      'audienceCount',
      (n, row) =>
        n === null ? (
          ''
        ) : row.status === 'held' ? (
          t('outreach.list.people', { count: n })
        ) : (
          <Typography.Text type="secondary">{t('outreach.list.people', { count: n })}</Typography.Text>
        ),
      { align: 'right' },
    ),
    col(t('outreach.fields.speakers'), 'speakers', (s) => s.join('、')),
    col(t('outreach.fields.status'), 'status', (s) => <OutreachStatusTag status={s} />),
  ];
}
