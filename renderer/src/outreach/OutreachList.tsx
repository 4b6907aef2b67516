import { PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  DatePicker,
  Flex,
  Form,
  Select,
  Space,
  Statistic,
  Table,
  type TableColumnsType,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useMemo } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { TOWNSHIPS } from '../../../db/children/inputs';
import { t } from '../../../db/i18n';
import { type OutreachStatus, TOPICS, type Topic } from '../../../db/outreach/codes';
import { OUTREACH_VIEWS } from '../../../db/outreach/inputs';
import type { ApiOutput } from '../api/client';
import { DATE_FORMAT } from '../common/dates';
import { ExportExcelButton } from '../common/ExportExcelButton';
import { PageHeader } from '../common/PageHeader';
import { useApiQuery } from '../common/useApiQuery';
import { ViewTabs } from '../common/ViewTabs';
import { OutreachStatusTag, placeText } from './parts';

type View = (typeof OUTREACH_VIEWS)[number];
type Township = (typeof TOWNSHIPS)[number];
type Row = ApiOutput<'outreach.list'>['rows'][number];

const PAGE_SIZE = 50;
const oneOf = <T extends string>(list: readonly T[], v: string | null): T | null =>
  v !== null && (list as readonly string[]).includes(v) ? (v as T) : null;

/** The register of outreach events with the 台账 line for what the filters select. */
export function OutreachList() {
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const view: View = oneOf(OUTREACH_VIEWS, params.get('view')) ?? 'all';
  const topic = oneOf(TOPICS, params.get('topic'));
  const township = oneOf(TOWNSHIPS, params.get('township'));
  const from = params.get('from');
  const to = params.get('to');
  const page = Math.max(1, Number(params.get('page')) || 1);
  const input = useMemo(
    () => ({ status: view, topic, township, from, to, offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE }),
    [view, topic, township, from, to, page],
  );
  const { data, error, loading } = useApiQuery('outreach.list', input);
  const counts = data?.counts ?? {};
  const all = Object.values(counts).reduce((n, c) => n + c, 0);
  const columns = useMemo(listColumns, []);

  const go = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v === null || (k === 'view' && v === 'all') || (k === 'page' && v === '1')) next.delete(k);
      else next.set(k, v);
    }
    if (!('page' in changes)) next.delete('page');
    setParams(next, { replace: true });
  };

  return (
    <>
      <PageHeader
        title={t('outreach.title')}
        intro={t('outreach.intro')}
        extra={
          <Space>
            <ExportExcelButton
              method="exports.outreach"
              input={{ status: view, topic, township, from, to }}
            />
            <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/outreach/new')}>
              {t('outreach.list.newButton')}
            </Button>
          </Space>
        }
      />
      <Card styles={{ body: { paddingTop: 4 } }}>
        <ViewTabs
          views={OUTREACH_VIEWS}
          active={view}
          onChange={(v) => go({ view: v })}
          ariaLabel={t('outreach.list.viewsLabel')}
          label={(v) => t(`outreach.list.views.${v}`)}
          count={data ? (v) => (v === 'all' ? all : (counts[v] ?? 0)) : null}
        />
        <Form layout="inline" style={{ marginBottom: 16, rowGap: 8 }}>
          <Form.Item label={t('outreach.list.topicFilter')}>
            <Select<Topic | ''>
              style={{ width: 160 }}
              value={topic ?? ''}
              onChange={(v) => go({ topic: v || null })}
              options={[
                { value: '', label: t('outreach.list.anyTopic') },
                ...TOPICS.map((k) => ({ value: k, label: t(`outreach.topics.${k}`) })),
              ]}
            />
          </Form.Item>
          <Form.Item label={t('outreach.list.townshipFilter')}>
            <Select<Township | ''>
              style={{ width: 180 }}
              value={township ?? ''}
              onChange={(v) => go({ township: v || null })}
              options={[
                { value: '', label: t('outreach.list.anyTownship') },
                ...TOWNSHIPS.map((k) => ({ value: k, label: k })),
              ]}
            />
          </Form.Item>
          <Form.Item label={t('outreach.list.periodFilter')}>
            <DatePicker.RangePicker
              format={DATE_FORMAT}
              value={[from ? dayjs(from) : null, to ? dayjs(to) : null]}
              allowEmpty={[true, true]}
              onChange={(range) =>
                go({
                  from: range?.[0] ? range[0].format(DATE_FORMAT) : null,
                  to: range?.[1] ? range[1].format(DATE_FORMAT) : null,
                })
              }
            />
          </Form.Item>
        </Form>
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
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
        <Table<Row>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={data?.rows ?? []}
          loading={{ spinning: loading, delay: 200 }}
          scroll={{ x: 'max-content' }}
          onRow={(row) => ({ onClick: () => navigate(`/outreach/${row.id}`), style: { cursor: 'pointer' } })}
          locale={{ emptyText: all === 0 ? t('outreach.list.empty') : t('outreach.list.emptyView') }}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: data?.total ?? 0,
            showSizeChanger: false,
            hideOnSinglePage: true,
            showTotal: (total) => t('outreach.list.total', { total }),
            onChange: (p) => go({ page: String(p) }),
          }}
        />
      </Card>
    </>
  );
}

function listColumns(): TableColumnsType<Row> {
  return [
    {
      title: t('outreach.fields.date'),
      dataIndex: 'date',
      key: 'date',
      render: (d: string, row) => (
        <Link to={`/outreach/${row.id}`} onClick={(e) => e.stopPropagation()}>
          {d}
        </Link>
      ),
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
