import { ClockCircleOutlined, ExportOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Flex,
  Row,
  Select,
  Table,
  type TableColumnsType,
  Typography,
  theme,
} from 'antd';
import { useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { t } from '../../../db/i18n';
import { BOARD_MAX, BOARD_PAGE } from '../../../db/reminders/inputs';
import type { ApiInput } from '../api/client';
import { MissingYearAlert } from '../calendar/MissingYearAlert';
import { countText } from '../common/labels';
import { PageHeader } from '../common/PageHeader';
import { useApiQuery } from '../common/useApiQuery';
import { useReminderBadge } from '../session/reminderBadge';
import { useSession } from '../session/store';
import { type Board, DueText, GROUPS, KindTag, type ReminderGroup, type ReminderItem } from './parts';
import { SnoozeModal } from './SnoozeModal';

const ME = 'me';
const ALL = 'all';

/** Group colours: the further past due, the louder. */
const GROUP_COLOR: Record<
  ReminderGroup,
  'colorError' | 'colorWarning' | 'colorPrimary' | 'colorTextSecondary'
> = {
  overdue: 'colorError',
  today: 'colorWarning',
  week: 'colorPrimary',
  upcoming: 'colorTextSecondary',
};

/** 工作提醒: everything with a date that is due, grouped by when, for me or for anyone. */
export function ReminderBoard() {
  const user = useSession((s) => s.user);
  const navigate = useNavigate();
  const { message } = App.useApp();
  const { token } = theme.useToken();
  const [owner, setOwner] = useState<string>(ME);
  const [snoozing, setSnoozing] = useState<ReminderItem | null>(null);
  const refreshBadge = useReminderBadge((s) => s.refresh);

  // How many items each column shows: a page at first, more on demand (the API counts the rest).
  const [limits, setLimits] = useState<Partial<Record<ReminderGroup, number>>>({});
  const input = useMemo((): ApiInput<'reminders.board'> => {
    const base = owner === ME ? {} : owner === ALL ? { ownerId: null } : { ownerId: owner };
    return Object.keys(limits).length ? { ...base, limits } : base;
  }, [owner, limits]);
  const board = useApiQuery('reminders.board', input);
  const permissions = useApiQuery('policy.forChild', {});
  // On one colleague's board a supervisor snoozes for that colleague (audited); else for oneself.
  const forUserId = permissions.data?.snoozeForOthers && owner !== ME && owner !== ALL ? owner : undefined;
  const accounts = useApiQuery('accounts.options', {});
  const names = useMemo(
    () => new Map((accounts.data ?? []).map((a) => [a.id, a.displayName])),
    [accounts.data],
  );
  const showOwner = owner === ALL;

  const ownerOptions = [
    { value: ME, label: t('reminders.board.mine') },
    { value: ALL, label: t('reminders.board.all') },
    ...(accounts.data ?? [])
      .filter((a) => a.id !== user?.id)
      .map((a) => ({ value: a.id, label: a.displayName })),
  ];

  const columns: TableColumnsType<ReminderItem> = [
    {
      title: t('reminders.board.due'),
      dataIndex: 'due',
      key: 'due',
      width: 190,
      render: (due: string) => <DueText due={due} />,
    },
    {
      title: '',
      dataIndex: 'kind',
      key: 'kind',
      width: 130,
      render: (kind: string) => <KindTag kind={kind} />,
    },
    {
      title: '',
      dataIndex: 'childName',
      key: 'child',
      width: 110,
      render: (name: string, item) => <Link to={`/children/${item.childId}`}>{name}</Link>,
    },
    {
      title: '',
      dataIndex: 'title',
      key: 'title',
      render: (title: string, item) => (
        <Link
          to={item.link}
          style={item.kind === 'crisis' ? { color: token.colorError, fontWeight: 600 } : undefined}
        >
          {title}
        </Link>
      ),
    },
    ...(showOwner
      ? [
          {
            title: t('reminders.board.owner'),
            dataIndex: 'ownerId',
            key: 'owner',
            width: 100,
            render: (id: string | null) =>
              id ? (names.get(id) ?? t('app.common.empty')) : t('reminders.board.noOwner'),
          },
        ]
      : []),
    {
      title: '',
      key: 'actions',
      width: 170,
      align: 'end',
      render: (_, item) => (
        <Flex gap={4} justify="end">
          <Button
            size="small"
            icon={<ExportOutlined />}
            aria-label={t('reminders.board.openLabel', { child: item.childName, title: item.title })}
            onClick={() => navigate(item.link)}
          >
            {t('reminders.board.open')}
          </Button>
          {item.snoozable && (
            <Button size="small" icon={<ClockCircleOutlined />} onClick={() => setSnoozing(item)}>
              {t('reminders.board.snooze')}
            </Button>
          )}
        </Flex>
      ),
    },
  ];

  const data = board.data;

  return (
    <>
      <PageHeader
        title={t('reminders.board.title')}
        intro={t('reminders.board.intro')}
        extra={
          <Flex align="center" gap={8}>
            <Typography.Text>{t('reminders.board.owner')}</Typography.Text>
            <Select
              aria-label={t('reminders.board.owner')}
              value={owner}
              onChange={(v) => {
                setOwner(v);
                setLimits({});
              }}
              options={ownerOptions}
              style={{ width: 160 }}
              popupMatchSelectWidth={false}
            />
          </Flex>
        }
      />
      {board.error && <Alert type="error" showIcon title={board.error} style={{ marginBottom: 16 }} />}
      <MissingYearAlert year={data?.calendarMissingYear} />
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        {GROUPS.map((g) => (
          <Col key={g} xs={12} lg={6}>
            <a
              href={`#reminder-group-${g}`}
              onClick={(e) => {
                e.preventDefault();
                document.getElementById(`reminder-group-${g}`)?.scrollIntoView({ block: 'start' });
              }}
              style={{ display: 'block', color: 'inherit' }}
              aria-label={t('reminders.board.countLabel', {
                group: t(`reminders.board.groups.${g}`),
                count: data ? countText(data.counts[g], data.capped[g]) : 0,
              })}
            >
              <Card size="small" hoverable style={{ borderTop: `3px solid ${token[GROUP_COLOR[g]]}` }}>
                <Typography.Text type="secondary">{t(`reminders.board.groups.${g}`)}</Typography.Text>
                <div
                  data-testid={`reminder-count-${g}`}
                  style={{
                    fontSize: 30,
                    fontWeight: 600,
                    lineHeight: 1.3,
                    color: g === 'upcoming' ? token.colorText : token[GROUP_COLOR[g]],
                    fontVariantNumeric: 'tabular-nums',
                  }}
                >
                  {data ? countText(data.counts[g], data.capped[g]) : t('app.common.empty')}
                </div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t(`reminders.board.groupHelp.${g}`)}
                </Typography.Text>
              </Card>
            </a>
          </Col>
        ))}
      </Row>
      {data && data.snoozed > 0 && (
        <Typography.Paragraph type="secondary" data-testid="reminder-snoozed">
          {t('reminders.board.snoozed', { count: data.snoozed })}
        </Typography.Paragraph>
      )}
      <Flex vertical gap={16}>
        {GROUPS.map((g) => (
          <Card
            key={g}
            id={`reminder-group-${g}`}
            data-testid={`reminder-group-${g}`}
            title={
              <Flex align="center" gap={8}>
                <span style={{ color: token[GROUP_COLOR[g]] }}>{t(`reminders.board.groups.${g}`)}</span>
                <Typography.Text type="secondary" style={{ fontWeight: 400 }}>
                  {data ? countText(data.counts[g], data.capped[g]) : ''}
                </Typography.Text>
              </Flex>
            }
            styles={{ body: { padding: 0 } }}
          >
            <Table<ReminderItem>
              rowKey="key"
              size="middle"
              showHeader={false}
              tableLayout="fixed"
              columns={columns}
              dataSource={data ? data.groups[g] : []}
              loading={{ spinning: board.loading, delay: 200 }}
              pagination={false}
              locale={{
                emptyText: t('reminders.board.groupEmpty', { group: t(`reminders.board.groups.${g}`) }),
              }}
              onRow={(item) => ({
                style:
                  item.kind === 'crisis'
                    ? { background: token.colorErrorBg, boxShadow: `inset 4px 0 0 ${token.colorError}` }
                    : undefined,
              })}
            />
            {data && <MoreRow group={g} board={data} onMore={(n) => setLimits((l) => ({ ...l, [g]: n }))} />}
          </Card>
        ))}
      </Flex>
      {snoozing && (
        <SnoozeModal
          item={snoozing}
          forUserId={forUserId}
          onClose={() => setSnoozing(null)}
          onDone={(until) => {
            setSnoozing(null);
            message.success(t('reminders.snooze.done', { date: until }));
            board.reload();
            refreshBadge();
          }}
        />
      )}
    </>
  );
}

/** Under a column holding more than it shows: how many are shown, and the next page on demand. */
function MoreRow({
  group,
  board,
  onMore,
}: {
  group: ReminderGroup;
  board: Board;
  onMore: (limit: number) => void;
}) {
  const shown = board.groups[group].length;
  const count = board.counts[group];
  const more = board.capped[group] ? BOARD_PAGE : Math.min(BOARD_PAGE, count - shown);
  if (more <= 0 || shown >= BOARD_MAX) return null;
  return (
    <Flex
      align="center"
      justify="center"
      gap={12}
      style={{ padding: '8px 0' }}
      data-testid={`reminder-more-${group}`}
    >
      <Typography.Text type="secondary">
        {t('reminders.board.shown', { shown, count: countText(count, board.capped[group]) })}
      </Typography.Text>
      <Button size="small" onClick={() => onMore(Math.min(shown + more, BOARD_MAX))}>
        {t('reminders.board.more', { n: Math.min(more, BOARD_MAX - shown) })}
      </Button>
    </Flex>
  );
}
