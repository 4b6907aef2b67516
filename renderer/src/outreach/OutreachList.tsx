import { Flex, Statistic, type TableColumnsType, Typography } from 'antd';
import { useMemo } from 'react';
import { TOWNSHIPS } from '../../../db/children/inputs';
import { t } from '../../../db/i18n';
import { type OutreachStatus, TOPICS, type Topic } from '../../../db/outreach/codes';
import { OUTREACH_VIEWS } from '../../../db/outreach/inputs';
import type { ApiOutput } from '../api/client';
import { recordLink } from '../common/columns';
import {
  countOf,
  FilterBar,
  FilterSelect,
  oneOf,
  PeriodFilter,
  RegisterCard,
  RegisterHeader,
  RegisterTable,
  tableRows,
  useRegisterAddress,
} from '../common/RegisterList';
import { useApiQuery } from '../common/useApiQuery';
import { ViewTabs } from '../common/ViewTabs';
import { OutreachStatusTag, placeText } from './parts';

type View = (typeof OUTREACH_VIEWS)[number];
type Township = (typeof TOWNSHIPS)[number];
type Row = ApiOutput<'outreach.list'>['rows'][number];

/** The register of outreach events with the 台账 line for what the filters select. */
export function OutreachList() {
  const { params, page, offset, limit, go } = useRegisterAddress('all');
  const view: View = oneOf(OUTREACH_VIEWS, params.get('view')) ?? 'all';
  const topic = oneOf(TOPICS, params.get('topic'));
  const township = oneOf(TOWNSHIPS, params.get('township'));
  const from = params.get('from');
  const to = params.get('to');
  const input = useMemo(
    () => ({ status: view, topic, township, from, to, offset, limit }),
    [view, topic, township, from, to, offset, limit],
  );
  const query = useApiQuery('outreach.list', input);
  const { data } = query;
  const counts = data?.counts ?? {};
  const all = countOf('all', counts, []);
  const columns = useMemo(listColumns, []);

  return (
    <>
      <RegisterHeader
        title={t('outreach.title')}
        intro={t('outreach.intro')}
        exportMethod="exports.outreach"
        exportInput={{ status: view, topic, township, from, to }}
        newLabel={t('outreach.list.newButton')}
        newPath="/outreach/new"
      />
      <RegisterCard>
        <ViewTabs
          views={OUTREACH_VIEWS}
          active={view}
          onChange={(v) => go({ view: v })}
          ariaLabel={t('outreach.list.viewsLabel')}
          label={(v) => t(`outreach.list.views.${v}`)}
          count={data ? (v) => countOf(v, counts, []) : null}
        />
        <FilterBar>
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
        </FilterBar>
        {data && (
          <Flex gap={48} align="center" style={{ marginBottom: 16 }} data-testid="outreach-summary">
            <Statistic title={t('outreach.figures.events.label')} value={data.held.events} suffix="次" />
            <Statistic
              title={t('outreach.figures.audience.label')}
              value={data.held.audience}
              suffix="人次"
            />
            <Typography.Text type="secondary">
              {t('outreach.list.summary', { events: data.held.events, audience: data.held.audience })}
            </Typography.Text>
          </Flex>
        )}
        <RegisterTable<Row>
          {...tableRows(query)}
          columns={columns}
          rowPath={(row) => `/outreach/${row.id}`}
          empty={all === 0 ? t('outreach.list.empty') : t('outreach.list.emptyView')}
          page={page}
          onPage={(p) => go({ page: p })}
          totalText={(total) => t('outreach.list.total', { total })}
        />
      </RegisterCard>
    </>
  );
}

function listColumns(): TableColumnsType<Row> {
  return [
    {
      title: t('outreach.fields.date'),
      dataIndex: 'date',
      key: 'date',
      render: (d: string, row) => recordLink(`/outreach/${row.id}`, d),
    },
    { title: t('outreach.fields.place'), key: 'place', render: (_: unknown, row) => placeText(row) },
    {
      title: t('outreach.fields.topic'),
      key: 'topic',
      render: (_: unknown, row) =>
        row.title ? `${t(`outreach.topics.${row.topic}`)}：${row.title}` : t(`outreach.topics.${row.topic}`),
    },
    {
      title: t('outreach.fields.audienceKind'),
      dataIndex: 'audienceKind',
      key: 'audienceKind',
      render: (k: Row['audienceKind']) => t(`outreach.audienceKinds.${k}`),
    },
    {
      title: t('outreach.fields.audienceCount'),
      dataIndex: 'audienceCount',
      key: 'audienceCount',
      align: 'right',
      render: (n: number | null, row) =>
        n === null ? (
          ''
        ) : row.status === 'held' ? (
          t('outreach.list.people', { count: n })
        ) : (
          <Typography.Text type="secondary">{t('outreach.list.people', { count: n })}</Typography.Text>
        ),
    },
    {
      title: t('outreach.fields.speakers'),
      dataIndex: 'speakers',
      key: 'speakers',
      render: (s: string[]) => s.join('、'),
    },
    {
      title: t('outreach.fields.status'),
      dataIndex: 'status',
      key: 'status',
      render: (s: OutreachStatus) => <OutreachStatusTag status={s} />,
    },
  ];
}
