import { PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  DatePicker,
  Form,
  Select,
  Space,
  Table,
  type TableColumnsType,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useMemo } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { t } from '../../../db/i18n';
import { OPEN_REPORT_STATUSES, type ReportStatus, TRIGGERS, type Trigger } from '../../../db/reports/codes';
import { REPORT_VIEWS } from '../../../db/reports/inputs';
import type { ApiOutput } from '../api/client';
import { DATE_FORMAT, formatTime } from '../common/dates';
import { ExportExcelButton } from '../common/ExportExcelButton';
import { PageHeader } from '../common/PageHeader';
import { useApiQuery } from '../common/useApiQuery';
import { ViewTabs } from '../common/ViewTabs';
import { ReportStatusTag } from './parts';

type View = (typeof REPORT_VIEWS)[number];
type Row = ApiOutput<'mandatoryReports.list'>['rows'][number];

const PAGE_SIZE = 50;

const isView = (v: string | null): v is View => v !== null && (REPORT_VIEWS as readonly string[]).includes(v);
const isTrigger = (v: string | null): v is Trigger =>
  v !== null && (TRIGGERS as readonly string[]).includes(v);

function countOf(view: View, counts: Record<string, number>): number {
  if (view === 'open') return OPEN_REPORT_STATUSES.reduce((n, s) => n + (counts[s] ?? 0), 0);
  if (view === 'all') return Object.values(counts).reduce((n, c) => n + c, 0);
  return counts[view] ?? 0;
}

/** The register of 强制报告. Tab, filters and page live in the address, so coming back shows the same list. */
export function ReportList() {
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const view: View = isView(params.get('view')) ? (params.get('view') as View) : 'open';
  const trigger = isTrigger(params.get('trigger')) ? (params.get('trigger') as Trigger) : null;
  const from = params.get('from');
  const to = params.get('to');
  const page = Math.max(1, Number(params.get('page')) || 1);
  const input = useMemo(
    () => ({ status: view, trigger, from, to, offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE }),
    [view, trigger, from, to, page],
  );
  const { data, error, loading } = useApiQuery('mandatoryReports.list', input);
  const counts = data?.counts ?? {};
  const columns = useMemo(listColumns, []);

  const go = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v === null || (k === 'view' && v === 'open') || (k === 'page' && v === '1')) next.delete(k);
      else next.set(k, v);
    }
    if (!('page' in changes)) next.delete('page');
    setParams(next, { replace: true });
  };

  return (
    <>
      <PageHeader
        title={t('mandatoryReports.title')}
        intro={t('mandatoryReports.intro')}
        extra={
          <Space>
            <ExportExcelButton
              method="exports.mandatoryReports"
              input={{ status: view, trigger, from, to }}
            />
            <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/reports/new')}>
              {t('mandatoryReports.list.newButton')}
            </Button>
          </Space>
        }
      />
      <Card styles={{ body: { paddingTop: 4 } }}>
        <ViewTabs
          views={REPORT_VIEWS}
          active={view}
          onChange={(v) => go({ view: v })}
          ariaLabel={t('mandatoryReports.list.viewsLabel')}
          label={(v) => t(`mandatoryReports.list.views.${v}`)}
          count={data ? (v) => countOf(v, counts) : null}
        />
        <Form layout="inline" style={{ marginBottom: 16, rowGap: 8 }}>
          <Form.Item label={t('mandatoryReports.list.triggerFilter')}>
            <Select<Trigger | ''>
              style={{ width: 360 }}
              value={trigger ?? ''}
              onChange={(v) => go({ trigger: v || null })}
              options={[
                { value: '', label: t('mandatoryReports.list.anyTrigger') },
                ...TRIGGERS.map((k) => ({ value: k, label: t(`mandatoryReports.triggerShort.${k}`) })),
              ]}
            />
          </Form.Item>
          <Form.Item label={t('mandatoryReports.list.periodFilter')}>
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
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
        <Table<Row>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={data?.rows ?? []}
          loading={{ spinning: loading, delay: 200 }}
          scroll={{ x: 'max-content' }}
          onRow={(row) => ({ onClick: () => navigate(`/reports/${row.id}`), style: { cursor: 'pointer' } })}
          locale={{
            emptyText:
              countOf('all', counts) === 0
                ? t('mandatoryReports.list.empty')
                : t('mandatoryReports.list.emptyView'),
          }}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: data?.total ?? 0,
            showSizeChanger: false,
            hideOnSinglePage: true,
            showTotal: (total) => t('mandatoryReports.list.total', { total }),
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
      title: t('mandatoryReports.fields.number'),
      dataIndex: 'number',
      key: 'number',
      render: (number: string, row) => (
        <Link to={`/reports/${row.id}`} onClick={(e) => e.stopPropagation()} style={{ whiteSpace: 'nowrap' }}>
          {number}
        </Link>
      ),
    },
    { title: t('mandatoryReports.fields.reportedDate'), dataIndex: 'reportedDate', key: 'reportedDate' },
    { title: t('mandatoryReports.fields.reporterUnit'), dataIndex: 'reporterUnit', key: 'reporterUnit' },
    {
      title: t('mandatoryReports.fields.trigger'),
      dataIndex: 'trigger',
      key: 'trigger',
      render: (k: Trigger) => t(`mandatoryReports.triggerShort.${k}`),
    },
    {
      title: t('mandatoryReports.fields.children'),
      dataIndex: 'childNames',
      key: 'children',
      render: (names: string[]) => names.join('、'),
    },
    {
      title: t('mandatoryReports.fields.status'),
      dataIndex: 'status',
      key: 'status',
      render: (s: ReportStatus) => <ReportStatusTag status={s} />,
    },
    {
      title: t('mandatoryReports.list.updatedAt'),
      dataIndex: 'updatedAt',
      key: 'updatedAt',
      render: (ms: number) => <Typography.Text type="secondary">{formatTime(ms)}</Typography.Text>,
    },
  ];
}
