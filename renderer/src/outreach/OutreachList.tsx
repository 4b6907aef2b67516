import { Flex, Statistic, type TableColumnsType, Typography } from 'antd';
import { useMemo } from 'react';
import { TOWNSHIPS } from '../../../db/children/inputs';
import { t } from '../../../db/i18n';
import { TOPICS, type Topic } from '../../../db/outreach/codes';
import { OUTREACH_VIEWS } from '../../../db/outreach/inputs';
import type { ApiOutput } from '../api/client';
import { columnsOf, recordLink } from '../common/columns';
import { FilterSelect, oneOf, PeriodFilter, Register, useRegisterView } from '../common/RegisterList';
import { useApiQuery } from '../common/useApiQuery';
import { OutreachStatusTag, placeText } from './parts';

type Township = (typeof TOWNSHIPS)[number];
type Row = ApiOutput<'outreach.list'>['rows'][number];
const col = columnsOf<Row>();

const REGISTER = {
  area: 'outreach',
  path: '/outreach',
  views: OUTREACH_VIEWS,
  open: [],
  defaultView: 'all',
} as const;

/** The register of outreach events with the 台账 line for what the filters select. */
export function OutreachList() {
  const register = useRegisterView(REGISTER);
  const { params, view, offset, limit, go } = register;
  const topic = oneOf(TOPICS, params.get('topic'));
  const township = oneOf(TOWNSHIPS, params.get('township'));
  const from = params.get('from');
  const to = params.get('to');
  const input = useMemo(
    () => ({ status: view, topic, township, from, to, offset, limit }),
    [view, topic, township, from, to, offset, limit],
  );
  const query = useApiQuery('outreach.list', input);
  const columns = useMemo(listColumns, []);

  return (
    <Register
      register={register}
      query={query}
      columns={columns}
      exportInput={{ status: view, topic, township, from, to }}
      filters={
        <>
          <FilterSelect<Topic>
            label={t('outreach.list.topicFilter')}
            width={160}
            value={topic}
            onChange={(v) => go({ topic: v })}
            anyLabel={t('outreach.list.anyTopic')}
            options={TOPICS.map((k) => ({ value: k, label: t(`outreach.topics.${k}`) }))}
          />
          <FilterSelect<Township>
            label={t('outreach.list.townshipFilter')}
            width={180}
            value={township}
            onChange={(v) => go({ township: v })}
            anyLabel={t('outreach.list.anyTownship')}
            options={TOWNSHIPS.map((k) => ({ value: k, label: k }))}
          />
          <PeriodFilter label={t('outreach.list.periodFilter')} from={from} to={to} onChange={go} />
        </>
      }
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
