import { ArrowLeftOutlined, EditOutlined, LinkOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Flex,
  Row,
  type TableColumnsType,
  Timeline,
  Typography,
  theme,
} from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { t } from '../../../db/i18n';
import { api, toApiCallError } from '../api/client';
import { AttachmentsButton, useAttachmentCounts } from '../attachments/AttachmentsButton';
import { AttachmentsPanel } from '../attachments/AttachmentsPanel';
import { formatDateTime } from '../common/dates';
import { RecordHeader, RecordUnavailable } from '../common/RecordPage';
import { ShortTable } from '../common/ShortTable';
import { useApiQuery } from '../common/useApiQuery';
import { CalendarNotices } from './CalendarNotices';
import {
  ActionFormModal,
  EditReferralModal,
  LinkChildModal,
  ReplyModal,
  WithdrawModal,
} from './ReferralModals';
import { OverdueTag, StatusTag, UrgentTag } from './shared';
import type { ActionView, ReferralStatus, ReferralView } from './types';

type Dialog =
  | { kind: 'edit' }
  | { kind: 'link' }
  | { kind: 'addAction' }
  | { kind: 'editAction'; action: ActionView }
  | { kind: 'reply'; action: ActionView }
  | { kind: 'withdraw'; action: ActionView };

function transitionLabel(from: ReferralStatus, to: ReferralStatus): string {
  if (from === 'closed' && to === 'tracking') return t('referrals.transitions.trackingAgain');
  // No move leads back to 已接收 (REFERRAL_FLOW in db/referrals/codes.ts).
  return t(`referrals.transitions.${to as Exclude<ReferralStatus, 'received'>}`);
}

/** Keyed by the id, so opening another referral starts with no dialog or message left over. */
export function ReferralRoute() {
  const { id = '' } = useParams();
  return <ReferralPage key={id} id={id} />;
}

function ReferralPage({ id }: { id: string }) {
  const { message } = App.useApp();
  const { data, error, reload } = useApiQuery('referrals.get', { id });
  // Every write answers with the whole fresh referral; it replaces what was loaded.
  const [view, setView] = useState<ReferralView | null>(null);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [moving, setMoving] = useState<ReferralStatus | null>(null);
  const [moveError, setMoveError] = useState<string | null>(null);

  useEffect(() => {
    if (data) setView(data);
  }, [data]);

  const referral = view;
  if (!referral)
    return <RecordUnavailable error={error} back={<BackLink />} title={t('referrals.page.loadFailed')} />;

  const closed = referral.status === 'closed';
  const saved = (v: ReferralView) => {
    setView(v);
    // A refusal from before no longer describes the referral.
    setMoveError(null);
  };

  const move = async (to: ReferralStatus) => {
    setMoving(to);
    setMoveError(null);
    try {
      const next = await api('referrals.transition', { id: referral.id, version: referral.version, to });
      setView(next);
      message.success(t('referrals.transitions.done', { status: t(`codes.referralStatus.${next.status}`) }));
    } catch (err) {
      const e = toApiCallError(err);
      if (e.code === 'LOCKED') return;
      setMoveError(e.message);
      // Someone else changed it: what they did is what the next click must start from.
      if (e.code === 'CONFLICT' || e.code === 'NOT_FOUND') reload();
    } finally {
      setMoving(null);
    }
  };

  return (
    <>
      <RecordHeader
        back={<BackLink />}
        actionsLabel={t('referrals.page.statusActions')}
        actions={
          <>
            {!closed && (
              <Button icon={<EditOutlined />} onClick={() => setDialog({ kind: 'edit' })}>
                {t('referrals.page.edit')}
              </Button>
            )}
            {referral.allowedTransitions.map((to, i) => (
              <Button
                key={to}
                type={i === 0 && !closed ? 'primary' : 'default'}
                loading={moving === to}
                disabled={moving !== null && moving !== to}
                onClick={() => void move(to)}
              >
                {transitionLabel(referral.status, to)}
              </Button>
            ))}
          </>
        }
      >
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('referrals.numbered', { number: referral.number })}
        </Typography.Title>
        <StatusTag status={referral.status} testId="referral-status" />
        {referral.urgency === 'urgent' && <UrgentTag />}
        {referral.overdue && <OverdueTag />}
      </RecordHeader>
      {moveError && (
        <Alert
          type="error"
          showIcon
          role="alert"
          data-testid="transition-error"
          title={t('referrals.transitions.refused')}
          description={moveError}
          closable={{ onClose: () => setMoveError(null) }}
          style={{ marginBottom: 16 }}
        />
      )}

      <Flex vertical gap={16}>
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={15}>
            <BasicsCard referral={referral} />
          </Col>
          <Col xs={24} xl={9}>
            <Flex vertical gap={16} style={{ height: '100%' }}>
              <ChildrenCard referral={referral} onLink={closed ? null : () => setDialog({ kind: 'link' })} />
              <DetainedCard referral={referral} />
            </Flex>
          </Col>
        </Row>
        <ActionsCard
          referral={referral}
          onAdd={closed ? null : () => setDialog({ kind: 'addAction' })}
          onOpen={closed ? null : setDialog}
        />
        <HistoryCard referral={referral} />
        <AttachmentsPanel recordKind="referral" recordId={referral.id} />
      </Flex>

      {dialog?.kind === 'edit' && (
        <EditReferralModal referral={referral} onClose={() => setDialog(null)} onSaved={saved} />
      )}
      {dialog?.kind === 'link' && (
        <LinkChildModal referral={referral} onClose={() => setDialog(null)} onSaved={saved} />
      )}
      {(dialog?.kind === 'addAction' || dialog?.kind === 'editAction') && (
        <ActionFormModal
          referral={referral}
          action={dialog.kind === 'editAction' ? dialog.action : null}
          onClose={() => setDialog(null)}
          onSaved={saved}
        />
      )}
      {dialog?.kind === 'reply' && (
        <ReplyModal action={dialog.action} onClose={() => setDialog(null)} onSaved={saved} />
      )}
      {dialog?.kind === 'withdraw' && (
        <WithdrawModal action={dialog.action} onClose={() => setDialog(null)} onSaved={saved} />
      )}
    </>
  );
}

function BackLink() {
  return (
    <Link to="/referrals">
      <ArrowLeftOutlined aria-hidden /> {t('referrals.page.back')}
    </Link>
  );
}

function BasicsCard({ referral }: { referral: ReferralView }) {
  const { token } = theme.useToken();
  const dash = t('app.common.empty');
  const verifyRelevant = referral.status === 'received' || referral.status === 'verifying';
  return (
    <Card title={t('referrals.page.basics')} style={{ height: '100%' }}>
      <Descriptions
        column={{ xs: 1, md: 2 }}
        size="small"
        items={[
          { key: 'dept', label: t('referrals.fields.sourceDepartment'), children: referral.sourceDepartment },
          {
            key: 'case',
            label: t('referrals.fields.sourceCaseNumber'),
            children: referral.sourceCaseNumber ?? (
              <Typography.Text type="secondary">{t('referrals.page.noCaseNumber')}</Typography.Text>
            ),
          },
          {
            key: 'received',
            label: t('referrals.fields.receivedDate'),
            children: t('referrals.page.receivedByLine', {
              date: referral.receivedDate,
              name: referral.receivedByName ?? dash,
            }),
          },
          {
            key: 'urgency',
            label: t('referrals.fields.urgency'),
            children: referral.urgency === 'urgent' ? <UrgentTag /> : t('codes.urgency.normal'),
          },
          {
            key: 'verifyDue',
            label: t('referrals.fields.verifyDue'),
            children: (
              <Flex gap={8} align="center" wrap data-testid="verify-due">
                <span
                  style={{
                    color: referral.verifyOverdue ? token.colorError : undefined,
                    fontWeight: referral.verifyOverdue ? 600 : undefined,
                  }}
                >
                  {referral.verifyDue}
                </span>
                {referral.verifyOverdue && <OverdueTag label={t('referrals.tags.verifyOverdue')} />}
                {!verifyRelevant && (
                  <Typography.Text type="secondary">{t('referrals.inbox.verifyDone')}</Typography.Text>
                )}
              </Flex>
            ),
          },
          {
            key: 'status',
            label: t('referrals.fields.status'),
            children: <StatusTag status={referral.status} />,
          },
        ]}
      />
      <CalendarNotices referral={referral} />
      <Typography.Title level={5} style={{ marginTop: 12 }}>
        {t('referrals.fields.summary')}
      </Typography.Title>
      {referral.summary ? (
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
          {referral.summary}
        </Typography.Paragraph>
      ) : (
        <Typography.Text type="secondary">{t('referrals.page.noSummary')}</Typography.Text>
      )}
    </Card>
  );
}

function ChildrenCard({ referral, onLink }: { referral: ReferralView; onLink: (() => void) | null }) {
  return (
    <Card
      title={t('referrals.page.children')}
      size="small"
      extra={
        onLink && (
          <Button size="small" icon={<LinkOutlined />} onClick={onLink}>
            {t('referrals.page.linkChild')}
          </Button>
        )
      }
    >
      {referral.children.length === 0 ? (
        <Typography.Text type="secondary">{t('referrals.page.noLinkedChildren')}</Typography.Text>
      ) : (
        <ul style={{ listStyle: 'none', margin: 0, padding: 0 }} data-testid="referral-children">
          {referral.children.map((c) => (
            <li key={c.id} style={{ padding: '6px 0' }}>
              <Flex gap={12} wrap align="baseline">
                <Link to={`/children/${c.id}`} style={{ fontWeight: 500 }}>
                  {c.name}
                </Link>
                <Typography.Text type="secondary">
                  {t('referrals.page.childBorn', { date: c.birthDate })}
                </Typography.Text>
                {c.idNumberMasked && (
                  <Typography.Text type="secondary" style={{ fontVariantNumeric: 'tabular-nums' }}>
                    {c.idNumberMasked}
                  </Typography.Text>
                )}
              </Flex>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

function DetainedCard({ referral }: { referral: ReferralView }) {
  return (
    <Card title={t('referrals.page.detained')} size="small" style={{ flex: 1 }}>
      {referral.detained.length === 0 ? (
        <Typography.Text type="secondary">{t('referrals.page.noDetained')}</Typography.Text>
      ) : (
        <>
          <Typography.Paragraph style={{ marginBottom: 4 }}>
            {referral.detained.map((d) => d.name).join('、')}
          </Typography.Paragraph>
          <Typography.Text type="secondary">{t('referrals.page.detainedHint')}</Typography.Text>
        </>
      )}
    </Card>
  );
}

function ActionsCard({
  referral,
  onAdd,
  onOpen,
}: {
  referral: ReferralView;
  onAdd: (() => void) | null;
  onOpen: ((d: Dialog) => void) | null;
}) {
  const { token } = theme.useToken();
  // A school's or a bureau's written reply to an action is kept with the action itself.
  const actionIds = useMemo(() => referral.actions.map((a) => a.id), [referral.actions]);
  const files = useAttachmentCounts('referralAction', actionIds);
  const columns = useMemo((): TableColumnsType<ActionView> => {
    const dash = t('app.common.empty');
    const cols: TableColumnsType<ActionView> = [
      {
        title: t('referrals.actions.agency'),
        dataIndex: 'agency',
        key: 'agency',
        render: (agency: string, a) => (
          <Flex gap={6} align="center" wrap>
            <span style={{ fontWeight: 500 }}>{agency}</span>
            {a.withdrawnAt !== null && (
              <Typography.Text type="secondary">{t('referrals.tags.withdrawn')}</Typography.Text>
            )}
          </Flex>
        ),
      },
      {
        title: t('referrals.actions.carrier'),
        dataIndex: 'carrier',
        key: 'carrier',
        render: (c: ActionView['carrier']) => t(`codes.carrier.${c}`),
      },
      { title: t('referrals.actions.sentDate'), dataIndex: 'sentDate', key: 'sentDate' },
      {
        title: t('referrals.actions.replyDue'),
        dataIndex: 'replyDue',
        key: 'replyDue',
        render: (due: string, a) => (
          <Flex gap={6} align="center" wrap>
            <span style={a.overdue ? { color: token.colorError, fontWeight: 600 } : undefined}>{due}</span>
            {a.overdue && <OverdueTag />}
          </Flex>
        ),
      },
      {
        title: t('referrals.actions.replyDate'),
        dataIndex: 'replyDate',
        key: 'replyDate',
        render: (d: string | null, a) =>
          d ??
          (a.withdrawnAt === null ? (
            <Typography.Text type="secondary">{t('referrals.actions.notReplied')}</Typography.Text>
          ) : (
            dash
          )),
      },
      {
        title: t('referrals.actions.result'),
        dataIndex: 'result',
        key: 'result',
        render: (r: string | null, a) =>
          a.withdrawnAt !== null
            ? t('referrals.actions.withdrawnBecause', { reason: a.withdrawReason ?? dash })
            : (r ?? dash),
      },
      {
        title: t('referrals.actions.followUpNote'),
        dataIndex: 'followUpNote',
        key: 'followUpNote',
        render: (n: string | null) => n ?? dash,
      },
      {
        title: t('attachments.title'),
        key: 'attachments',
        render: (_, a) => (
          <AttachmentsButton
            recordKind="referralAction"
            recordId={a.id}
            label={`${a.agency} ${t('attachments.records.referralAction')}`}
            count={files.counts[a.id]}
            hint={a.replyDate ? undefined : t('attachments.replyHint')}
            onChange={files.reload}
          />
        ),
      },
    ];
    if (onOpen) {
      cols.push({
        title: t('referrals.actions.operations'),
        key: 'ops',
        render: (_, a) =>
          a.withdrawnAt !== null ? null : (
            <Flex gap={0} wrap={false}>
              <Button type="link" size="small" onClick={() => onOpen({ kind: 'reply', action: a })}>
                {a.replyDate ? t('referrals.actions.editReply') : t('referrals.actions.recordReply')}
              </Button>
              <Button type="link" size="small" onClick={() => onOpen({ kind: 'editAction', action: a })}>
                {t('referrals.actions.edit')}
              </Button>
              <Button type="link" size="small" danger onClick={() => onOpen({ kind: 'withdraw', action: a })}>
                {t('referrals.actions.withdraw')}
              </Button>
            </Flex>
          ),
      });
    }
    return cols;
  }, [onOpen, token, files.counts, files.reload]);

  return (
    <Card
      title={t('referrals.actions.title')}
      extra={
        onAdd && (
          <Button type="primary" ghost icon={<PlusOutlined />} onClick={onAdd}>
            {t('referrals.actions.add')}
          </Button>
        )
      }
    >
      <ShortTable<ActionView>
        size="middle"
        columns={columns}
        rows={referral.actions}
        scroll={{ x: 'max-content' }}
        onRow={(a) => ({
          'data-testid': `action-${a.agency}`,
          style: a.withdrawnAt !== null ? { color: token.colorTextTertiary } : undefined,
        })}
        empty={<Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('referrals.actions.empty')} />}
      />
    </Card>
  );
}

function HistoryCard({ referral }: { referral: ReferralView }) {
  const items = referral.history.map((h, i) => ({
    key: `${h.at}-${i}`,
    color: h.to === 'closed' ? 'green' : 'blue',
    content: (
      <div>
        <Typography.Text>
          {h.from === null
            ? t('referrals.history.created', { to: t(`codes.referralStatus.${h.to}`) })
            : t('referrals.history.moved', {
                from: t(`codes.referralStatus.${h.from}`),
                to: t(`codes.referralStatus.${h.to}`),
              })}
        </Typography.Text>
        <br />
        <Typography.Text type="secondary">
          {t('referrals.history.by', { name: h.actorName, at: formatDateTime(h.at) })}
        </Typography.Text>
      </div>
    ),
  }));
  return (
    <Card title={t('referrals.history.title')}>
      {items.length === 0 ? (
        <Typography.Text type="secondary">{t('referrals.history.empty')}</Typography.Text>
      ) : (
        <Timeline items={items} />
      )}
    </Card>
  );
}
