import { PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  Badge,
  Button,
  Card,
  DatePicker,
  Flex,
  Select,
  Table,
  type TableColumnsType,
  Tabs,
  Typography,
  theme,
} from 'antd';
import dayjs from 'dayjs';
import { useMemo } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { t } from '../../../db/i18n';
import { INBOX_VIEWS } from '../../../db/referrals/inputs';
import { DATE_FORMAT, todayText } from '../common/dates';
import { ExportExcelButton } from '../common/ExportExcelButton';
import { PageHeader } from '../common/PageHeader';
import { useApiQuery } from '../common/useApiQuery';
import { asOptions, OverdueTag, StatusTag, UrgentTag, useReferralLists, verifyLate } from './shared';
import type { InboxView, ReferralRow } from './types';

const PAGE_SIZE = 50;

// 全部 last: the tabs read as the work still to do, then the archive.
const TABS: readonly InboxView[] = [
  'open',
  'overdue',
  'received',
  'verifying',
  'triaged',
  'tracking',
  'closed',
  'all',
];

function isView(v: string | null): v is InboxView {
  return v !== null && (INBOX_VIEWS as readonly string[]).includes(v);
}

/**
 * The inbox. Its view, filters and page live in the address, so coming back from a
 * referral shows the same list.
 */
export function ReferralInbox() {
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const { departments, agencies } = useReferralLists();
  const viewParam = params.get('view');
  const view: InboxView = isView(viewParam) ? viewParam : 'open';
  const department = params.get('dept') ?? undefined;
  const agency = params.get('agency') ?? undefined;
  const from = params.get('from') ?? undefined;
  const to = params.get('to') ?? undefined;
  const page = Math.max(1, Number(params.get('page')) || 1);
  const filtered = !!(department || agency || from || to);

  const update = (changes: Record<string, string | undefined>) => {
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [k, v] of Object.entries(changes)) {
          if (v) next.set(k, v);
          else next.delete(k);
        }
        if (!('page' in changes)) next.delete('page');
        return next;
      },
      { replace: true },
    );
  };

  const input = useMemo(
    () => ({
      view,
      ...(department ? { sourceDepartment: department } : {}),
      ...(agency ? { agency } : {}),
      ...(from ? { from } : {}),
      ...(to ? { to } : {}),
      offset: (page - 1) * PAGE_SIZE,
      limit: PAGE_SIZE,
    }),
    [view, department, agency, from, to, page],
  );
  const { data, error, loading } = useApiQuery('referrals.list', input);
  const columns = useMemo(inboxColumns, []);
  const counts = data?.counts ?? {};

  return (
    <>
      <PageHeader
        title={t('referrals.title')}
        intro={t('referrals.intro')}
        extra={
          <Flex gap={8}>
            <ExportExcelButton method="exports.referrals" input={{}} />
            <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/referrals/new')}>
              {t('referrals.inbox.newButton')}
            </Button>
          </Flex>
        }
      />
      <Card styles={{ body: { paddingTop: 4 } }}>
        <Tabs
          activeKey={view}
          onChange={(key) => update({ view: key === 'open' ? undefined : key })}
          aria-label={t('referrals.inbox.viewsLabel')}
          items={TABS.map((v) => ({
            key: v,
            label: <TabLabel view={v} count={data ? (counts[v] ?? 0) : null} />,
          }))}
        />
        <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }}>
          <Select
            allowClear
            aria-label={t('referrals.inbox.filterDepartment')}
            placeholder={t('referrals.inbox.filterDepartment')}
            options={asOptions(departments)}
            value={department}
            onChange={(v?: string) => update({ dept: v })}
            style={{ width: 180 }}
          />
          <Select
            allowClear
            aria-label={t('referrals.inbox.filterAgency')}
            placeholder={t('referrals.inbox.filterAgency')}
            options={asOptions(agencies)}
            value={agency}
            onChange={(v?: string) => update({ agency: v })}
            style={{ width: 180 }}
          />
          <DatePicker.RangePicker
            aria-label={t('referrals.fields.receivedDate')}
            placeholder={[t('referrals.inbox.filterFrom'), t('referrals.inbox.filterTo')]}
            format={DATE_FORMAT}
            allowEmpty={[true, true]}
            value={[from ? dayjs(from, DATE_FORMAT) : null, to ? dayjs(to, DATE_FORMAT) : null]}
            onChange={(range) =>
              update({ from: range?.[0]?.format(DATE_FORMAT), to: range?.[1]?.format(DATE_FORMAT) })
            }
          />
          {filtered && (
            <Button
              type="link"
              onClick={() => update({ dept: undefined, agency: undefined, from: undefined, to: undefined })}
            >
              {t('referrals.inbox.clearFilters')}
            </Button>
          )}
          <Typography.Text
            type="secondary"
            style={{ marginInlineStart: 'auto' }}
            data-testid="referrals-total"
          >
            {data ? t('referrals.inbox.total', { total: data.total }) : null}
          </Typography.Text>
        </Flex>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
        <Table<ReferralRow>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={data?.rows ?? []}
          loading={{ spinning: loading, delay: 200 }}
          scroll={{ x: 'max-content' }}
          onRow={(row) => ({
            onClick: () => navigate(`/referrals/${row.id}`),
            style: { cursor: 'pointer' },
            'data-overdue': row.overdue ? 'true' : undefined,
          })}
          locale={{
            emptyText: filtered
              ? t('referrals.inbox.emptyFiltered')
              : (counts.all ?? 0) === 0
                ? t('referrals.inbox.empty')
                : t('referrals.inbox.emptyView'),
          }}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: data?.total ?? 0,
            showSizeChanger: false,
            hideOnSinglePage: true,
            onChange: (p) => update({ page: p > 1 ? String(p) : undefined }),
          }}
        />
      </Card>
    </>
  );
}

function TabLabel({ view, count }: { view: InboxView; count: number | null }) {
  const { token } = theme.useToken();
  const label = t(`referrals.views.${view}`);
  if (count === null) return <span>{label}</span>;
  if (view === 'overdue' && count > 0) {
    return (
      <Flex gap={6} align="center">
        {label}
        <Badge count={count} overflowCount={999} />
      </Flex>
    );
  }
  return (
    <Flex gap={6} align="center">
      {label}
      <span style={{ color: token.colorTextTertiary }}>{count}</span>
    </Flex>
  );
}

function inboxColumns(): TableColumnsType<ReferralRow> {
  const today = todayText();
  return [
    {
      title: t('referrals.fields.number'),
      dataIndex: 'number',
      key: 'number',
      render: (number: string, row) => (
        <Flex gap={6} align="center" wrap={false}>
          {/* A real link too, for the keyboard and for opening from the list without a mouse. */}
          <Link
            to={`/referrals/${row.id}`}
            onClick={(e) => e.stopPropagation()}
            style={{ whiteSpace: 'nowrap' }}
          >
            {number}
          </Link>
          {row.overdue && <OverdueTag />}
          {row.urgency === 'urgent' && <UrgentTag />}
        </Flex>
      ),
    },
    { title: t('referrals.fields.sourceDepartment'), dataIndex: 'sourceDepartment', key: 'dept' },
    { title: t('referrals.fields.receivedDate'), dataIndex: 'receivedDate', key: 'received' },
    {
      title: t('referrals.fields.children'),
      dataIndex: 'childNames',
      key: 'children',
      render: (names: string[]) =>
        names.length ? (
          names.join('、')
        ) : (
          <Typography.Text type="secondary">{t('referrals.inbox.noChildren')}</Typography.Text>
        ),
    },
    {
      title: t('referrals.fields.agencies'),
      dataIndex: 'agencies',
      key: 'agencies',
      render: (list: string[]) =>
        list.length ? (
          list.join('、')
        ) : (
          <Typography.Text type="secondary">{t('referrals.inbox.noAgencies')}</Typography.Text>
        ),
    },
    {
      title: t('referrals.fields.status'),
      dataIndex: 'status',
      key: 'status',
      render: (s: ReferralRow['status']) => <StatusTag status={s} />,
    },
    {
      title: t('referrals.fields.verifyDue'),
      dataIndex: 'verifyDue',
      key: 'verifyDue',
      render: (due: string, row) =>
        verifyLate(row.status, due, today) ? (
          <Typography.Text type="danger" strong>
            {due}
          </Typography.Text>
        ) : row.status === 'received' || row.status === 'verifying' ? (
          due
        ) : (
          <Typography.Text type="secondary">{due}</Typography.Text>
        ),
    },
  ];
}
