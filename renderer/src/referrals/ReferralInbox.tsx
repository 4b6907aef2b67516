import {
  Badge,
  Button,
  DatePicker,
  Flex,
  Select,
  type TableColumnsType,
  Tabs,
  Typography,
  theme,
} from 'antd';
import dayjs from 'dayjs';
import { useMemo } from 'react';
import { t } from '../../../db/i18n';
import { INBOX_VIEWS } from '../../../db/referrals/inputs';
import { recordLink } from '../common/columns';
import { DATE_FORMAT, todayText } from '../common/dates';
import { countText } from '../common/labels';
import {
  oneOf,
  RegisterCard,
  RegisterHeader,
  RegisterTable,
  useRegisterAddress,
} from '../common/RegisterList';
import { useApiQuery } from '../common/useApiQuery';
import { asOptions, OverdueTag, StatusTag, UrgentTag, useReferralLists, verifyLate } from './shared';
import type { InboxView, ReferralRow } from './types';

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

/**
 * The inbox. Its view, filters and page live in the address, so coming back from a
 * referral shows the same list.
 */
export function ReferralInbox() {
  const { params, page, offset, limit, go } = useRegisterAddress('open');
  const { departments, agencies } = useReferralLists();
  const view: InboxView = oneOf(INBOX_VIEWS, params.get('view')) ?? 'open';
  const department = params.get('dept') ?? undefined;
  const agency = params.get('agency') ?? undefined;
  const from = params.get('from') ?? undefined;
  const to = params.get('to') ?? undefined;
  const filtered = !!(department || agency || from || to);

  const input = useMemo(
    () => ({
      view,
      ...(department ? { sourceDepartment: department } : {}),
      ...(agency ? { agency } : {}),
      ...(from ? { from } : {}),
      ...(to ? { to } : {}),
      offset,
      limit,
    }),
    [view, department, agency, from, to, offset, limit],
  );
  const { data, error, loading } = useApiQuery('referrals.list', input);
  const columns = useMemo(inboxColumns, []);
  const counts = data?.counts ?? {};

  return (
    <>
      <RegisterHeader
        title={t('referrals.title')}
        intro={t('referrals.intro')}
        exportMethod="exports.referrals"
        exportInput={{}}
        newLabel={t('referrals.inbox.newButton')}
        newPath="/referrals/new"
      />
      <RegisterCard>
        <Tabs
          activeKey={view}
          onChange={(key) => go({ view: key })}
          aria-label={t('referrals.inbox.viewsLabel')}
          items={TABS.map((v) => ({
            key: v,
            label: <TabLabel view={v} count={data ? (counts[v] ?? 0) : null} capped={!!data?.capped[v]} />,
          }))}
        />
        <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }}>
          <Select
            allowClear
            aria-label={t('referrals.inbox.filterDepartment')}
            placeholder={t('referrals.inbox.filterDepartment')}
            options={asOptions(departments)}
            value={department}
            onChange={(v?: string) => go({ dept: v })}
            style={{ width: 180 }}
          />
          <Select
            allowClear
            aria-label={t('referrals.inbox.filterAgency')}
            placeholder={t('referrals.inbox.filterAgency')}
            options={asOptions(agencies)}
            value={agency}
            onChange={(v?: string) => go({ agency: v })}
            style={{ width: 180 }}
          />
          <DatePicker.RangePicker
            aria-label={t('referrals.fields.receivedDate')}
            placeholder={[t('referrals.inbox.filterFrom'), t('referrals.inbox.filterTo')]}
            format={DATE_FORMAT}
            allowEmpty={[true, true]}
            value={[from ? dayjs(from, DATE_FORMAT) : null, to ? dayjs(to, DATE_FORMAT) : null]}
            onChange={(range) =>
              go({ from: range?.[0]?.format(DATE_FORMAT), to: range?.[1]?.format(DATE_FORMAT) })
            }
          />
          {filtered && (
            <Button type="link" onClick={() => go({ dept: null, agency: null, from: null, to: null })}>
              {t('referrals.inbox.clearFilters')}
            </Button>
          )}
          <Typography.Text
            type="secondary"
            style={{ marginInlineStart: 'auto' }}
            data-testid="referrals-total"
          >
            {data
              ? t(data.totalCapped ? 'referrals.inbox.totalCapped' : 'referrals.inbox.total', {
                  total: data.total,
                })
              : null}
          </Typography.Text>
        </Flex>
        <RegisterTable<ReferralRow>
          error={error}
          columns={columns}
          rows={data?.rows}
          loading={loading}
          rowPath={(row) => `/referrals/${row.id}`}
          rowProps={(row) => ({ 'data-overdue': row.overdue ? 'true' : undefined })}
          empty={
            filtered
              ? t('referrals.inbox.emptyFiltered')
              : (counts.all ?? 0) === 0
                ? t('referrals.inbox.empty')
                : t('referrals.inbox.emptyView')
          }
          page={page}
          total={data?.total}
          onPage={(p) => go({ page: p })}
          hideOnSinglePage
        />
      </RegisterCard>
    </>
  );
}

/** A tab with its count: exact, or 超过 N where the core stopped counting. */
function TabLabel({ view, count, capped }: { view: InboxView; count: number | null; capped: boolean }) {
  const { token } = theme.useToken();
  const label = t(`referrals.views.${view}`);
  if (count === null) return <span>{label}</span>;
  if (view === 'overdue' && count > 0) {
    return (
      <Flex gap={6} align="center">
        {label}
        <Badge count={capped ? countText(count, true) : count} overflowCount={999} />
      </Flex>
    );
  }
  return (
    <Flex gap={6} align="center">
      {label}
      <span style={{ color: token.colorTextTertiary }}>{countText(count, capped)}</span>
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
          {recordLink(`/referrals/${row.id}`, number, true)}
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
