import { EditOutlined } from '@ant-design/icons';
import { Alert, Card, Col, Descriptions, Flex, Row, Space, Tag, Timeline, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { t } from '../../../db/i18n';
import { ORDER_EDITABLE, ORDER_FOLLOW_UP, type OrderStep } from '../../../db/orders/codes';
import { api } from '../api/client';
import { AttachmentsPanel } from '../attachments/AttachmentsPanel';
import { relationLabel } from '../common/codeLabels';
import { formatTime, todayText } from '../common/dates';
import { None, orNone, Prose } from '../common/empty';
import { InfoNote } from '../common/InfoNote';
import { actionButtons, RecordHeader, StepRefused, useDirectStep, useRecordPage } from '../common/RecordPage';
import { FollowUpHistory, RequirementsTable } from '../followups/followUps';
import { PrintOrderButton } from '../print/PrintButtons';
import {
  ApproveModal,
  DeliveryModal,
  EvaluateModal,
  OrderFollowUpModal,
  RejectModal,
  WithdrawModal,
} from './OrderModals';
import { OrderStatusTag, type OrderView } from './parts';

type Dialog = 'approve' | 'reject' | 'withdraw' | 'delivery' | 'followUp' | 'evaluate';
type Step = 'submit' | 'startEvaluation';

/** Keyed by the id, so opening another order starts with no dialog or message left over. */
export function OrderRoute() {
  const { id = '' } = useParams();
  return <OrderPage key={id} id={id} />;
}

function OrderPage({ id }: { id: string }) {
  const navigate = useNavigate();
  // Every write answers with the whole fresh order; it replaces what was loaded.
  const page = useRecordPage('orders.get', id, '/orders');
  const { record: order, setRecord: setOrder, reload, back } = page;
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const direct = useDirectStep<OrderView, Step>(setOrder, reload);

  if (!order) return page.unavailable;

  const s = order.status;
  // The buttons are the steps the core says this user may take (ORDER_FLOW, less a self-approval).
  const may = (k: OrderStep) => order.steps.includes(k);
  const ref = { id: order.id, version: order.version };
  const open = (d: Dialog) => () => setDialog(d);

  const actions = actionButtons([
    ORDER_EDITABLE.includes(s) && {
      key: 'edit',
      label: t('orders.page.edit'),
      icon: <EditOutlined />,
      onClick: () => navigate(`/orders/${order.id}/edit`),
    },
    may('submit') && {
      key: 'submit',
      label: t('orders.page.submit'),
      primary: true,
      loading: direct.running === 'submit',
      onClick: () => void direct.run('submit', () => api('orders.submit', ref), t('orders.page.submitted')),
    },
    may('approve') && {
      key: 'approve',
      label: t('orders.page.approve'),
      primary: true,
      onClick: open('approve'),
    },
    may('reject') && { key: 'reject', label: t('orders.page.reject'), onClick: open('reject') },
    may('recordDelivery') && {
      key: 'delivery',
      label: t('orders.page.recordDelivery'),
      primary: true,
      onClick: open('delivery'),
    },
    ORDER_FOLLOW_UP.includes(s) && {
      key: 'followUp',
      label: t('orders.page.followUp'),
      primary: s === 'observing',
      onClick: open('followUp'),
    },
    may('startEvaluation') && {
      key: 'startEvaluation',
      label: t('orders.page.startEvaluation'),
      loading: direct.running === 'startEvaluation',
      onClick: () =>
        void direct.run(
          'startEvaluation',
          () => api('orders.startEvaluation', ref),
          t('orders.page.evaluationStarted'),
        ),
    },
    // From 考察中 the page offers 开始评估 first; the evaluation itself once it is 待评估.
    may('evaluate') &&
      s === 'evaluating' && {
        key: 'evaluate',
        label: t('orders.page.evaluate'),
        primary: true,
        onClick: open('evaluate'),
      },
  ]);
  // The print module's button calls printOrder(order.id) and reports the saved file; before
  // approval the document carries its draft mark.
  if (s !== 'withdrawn') actions.push(<PrintOrderButton key="print" orderId={order.id} />);
  actions.push(
    ...actionButtons([
      may('withdraw') && {
        key: 'withdraw',
        label: t('orders.page.withdraw'),
        danger: true,
        onClick: open('withdraw'),
      },
    ]),
  );

  const modalProps = {
    order,
    onClose: () => setDialog(null),
    onSaved: setOrder,
    onConflict: reload,
  };

  return (
    <>
      <RecordHeader back={back} actionsLabel={t('orders.page.actions')} actions={actions}>
        <Typography.Title level={4} style={{ margin: 0 }} data-testid="order-number">
          {order.number ?? t('orders.unnumbered')}
        </Typography.Title>
        <OrderStatusTag status={s} testId="order-status" />
      </RecordHeader>

      <StepRefused title={t('orders.page.refused')} error={direct.error} onClose={direct.clearError} />
      <StatusNotice order={order} />

      <Flex vertical gap={16}>
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={16}>
            <Flex vertical gap={16}>
              <PartiesCard order={order} />
              <DocumentCard order={order} />
            </Flex>
          </Col>
          <Col xs={24} xl={8}>
            <StepsCard order={order} />
          </Col>
        </Row>
        {s !== 'draft' && s !== 'pending' && s !== 'withdrawn' && (
          <Card title={t('orders.page.requirementsTitle')} size="small">
            <RequirementsTable
              items={order.requirements}
              textTitle={t('orders.form.requirementText')}
              emptyText={t('orders.page.noRequirements')}
              testId="order-requirements"
            />
          </Card>
        )}
        {(order.followUps.length > 0 || s === 'observing' || s === 'evaluating') && (
          <Card
            title={t('orders.page.followUpsTitle')}
            size="small"
            extra={
              order.nextFollowUp ? (
                <Typography.Text type={order.nextFollowUp < todayText() ? 'danger' : 'secondary'}>
                  {t('orders.page.nextFollowUp', { date: order.nextFollowUp })}
                </Typography.Text>
              ) : undefined
            }
          >
            <FollowUpHistory items={order.followUps} testId="order-follow-ups" />
          </Card>
        )}
        {s === 'closed' && <EvaluationCard order={order} />}
        {/* The 送达 step asks for the signed 送达回证: once delivered, the panel says so until one is there. */}
        <AttachmentsPanel
          recordKind="order"
          recordId={order.id}
          defaultKind="deliveryReceipt"
          hint={order.deliveryDate ? t('attachments.deliveryHint') : undefined}
        />
      </Flex>

      {dialog === 'approve' && <ApproveModal {...modalProps} />}
      {dialog === 'reject' && <RejectModal {...modalProps} />}
      {dialog === 'withdraw' && <WithdrawModal {...modalProps} />}
      {dialog === 'delivery' && <DeliveryModal {...modalProps} />}
      {dialog === 'followUp' && <OrderFollowUpModal {...modalProps} />}
      {dialog === 'evaluate' && <EvaluateModal {...modalProps} />}
    </>
  );
}

/** What the status means for the next person to open the order. */
function StatusNotice({ order }: { order: OrderView }) {
  if (order.status === 'draft' && order.rejectNote) {
    return (
      <Alert
        type="warning"
        showIcon
        title={t('orders.page.rejected')}
        description={order.rejectNote}
        style={{ marginBottom: 16 }}
        data-testid="reject-note"
      />
    );
  }
  if (order.status === 'withdrawn') {
    return (
      <InfoNote
        title={t('orders.page.withdrawnAt', { time: formatTime(order.withdrawnAt) })}
        description={order.withdrawReason}
      />
    );
  }
  if (order.status === 'pending') {
    return <InfoNote title={t('orders.page.awaitingApproval')} />;
  }
  if (order.status === 'observing' && order.observationEnd && order.observationEnd < todayText()) {
    return (
      <Alert
        type="warning"
        showIcon
        title={t('orders.page.observationOver', { date: order.observationEnd })}
        style={{ marginBottom: 16 }}
      />
    );
  }
  return null;
}

function PartiesCard({ order }: { order: OrderView }) {
  const signed =
    order.guardianSigned === null
      ? null
      : order.guardianSigned
        ? t('orders.page.signedYes')
        : t('orders.page.signedNo');
  return (
    <Card title={t('orders.page.basicsTitle')} size="small">
      <Descriptions column={2} size="small" styles={{ label: { width: 110 } }}>
        <Descriptions.Item label={t('orders.fields.child')}>
          <Link to={`/children/${order.child.id}`} data-testid="order-child">
            {order.child.name}
          </Link>
          <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>
            {t(`codes.gender.${order.child.gender}`)} · {order.child.birthDate}
          </Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('orders.fields.guardians')}>
          <span data-testid="order-guardians">
            {order.guardians.map((g) => `${g.name}（${relationLabel(g.relation)}）`).join('、')}
          </span>
        </Descriptions.Item>
        <Descriptions.Item label={t('orders.fields.caseNumber')}>
          {orNone(order.caseNumber)}
        </Descriptions.Item>
        <Descriptions.Item label={t('orders.fields.drafter')}>{orNone(order.drafterName)}</Descriptions.Item>
        <Descriptions.Item label={t('orders.fields.approvedBy')}>
          {orNone(order.approvedByName)}
        </Descriptions.Item>
        <Descriptions.Item label={t('orders.fields.issueDate')}>{orNone(order.issueDate)}</Descriptions.Item>
        <Descriptions.Item label={t('orders.fields.delivery')}>
          {order.deliveryMethod ? (
            <>
              {t(`codes.deliveryMethod.${order.deliveryMethod}`)} · {order.deliveryDate}
              {signed && (
                <Tag color={order.guardianSigned ? 'green' : 'orange'} style={{ marginInlineStart: 8 }}>
                  {signed}
                </Tag>
              )}
            </>
          ) : (
            <None />
          )}
        </Descriptions.Item>
        <Descriptions.Item label={t('orders.fields.observation')}>
          {order.observationStart ? (
            <span data-testid="order-observation">
              {order.observationStart} — {order.observationEnd}
            </span>
          ) : (
            <None />
          )}
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );
}

function DocSection({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section style={{ marginBottom: 16 }}>
      <Typography.Title level={5} style={{ marginTop: 0, marginBottom: 6 }}>
        {title}
      </Typography.Title>
      {children}
    </section>
  );
}

/** The document's own sections, as the guardian will read them. */
function DocumentCard({ order }: { order: OrderView }) {
  return (
    <Card title={t('orders.page.documentTitle')} size="small" data-testid="order-document">
      <DocSection title={t('orders.fields.facts')}>
        <Prose text={order.facts} />
      </DocSection>
      <DocSection title={t('orders.fields.problems')}>
        {order.problems.length === 0 && !order.problemsOther ? (
          <None />
        ) : (
          <ol style={{ margin: 0, paddingInlineStart: 22 }}>
            {order.problems.map((p) => (
              <li key={p.code}>
                {p.text}
                <Typography.Text type="secondary">（{p.article}）</Typography.Text>
              </li>
            ))}
            {order.problemsOther && <li style={{ whiteSpace: 'pre-wrap' }}>{order.problemsOther}</li>}
          </ol>
        )}
      </DocSection>
      <DocSection title={t('orders.fields.requirements')}>
        <ol style={{ margin: 0, paddingInlineStart: 22 }}>
          {order.requirements.map((r) => (
            <li key={r.id}>
              {r.text}
              {r.dueDate && (
                <Typography.Text type="secondary">
                  （{t('orders.shared.dueBy', { date: r.dueDate })}）
                </Typography.Text>
              )}
            </li>
          ))}
        </ol>
      </DocSection>
      <DocSection title={t('orders.fields.legalBasis')}>
        <Prose text={order.legalBasis} />
      </DocSection>
      <DocSection title={t('orders.fields.consequences')}>
        <Prose text={order.consequences} />
      </DocSection>
    </Card>
  );
}

interface StepItem {
  key: string;
  title: string;
  when?: string | null;
  detail?: ReactNode;
  color?: string;
}

/** The order's own steps, read from its status fields. */
function orderSteps(order: OrderView): StepItem[] {
  const steps: StepItem[] = [
    {
      key: 'drafted',
      title: t('orders.steps.drafted'),
      detail: order.drafterName ? t('orders.steps.by', { name: order.drafterName }) : null,
    },
  ];
  if (order.submittedAt)
    steps.push({ key: 'submitted', title: t('orders.steps.submitted'), when: formatTime(order.submittedAt) });
  // Submitting again clears the note, so a note means the last step was the return.
  if (order.rejectNote)
    steps.push({
      key: 'rejected',
      title: t('orders.steps.rejected'),
      detail: order.rejectNote,
      color: 'orange',
    });
  if (order.approvedAt)
    steps.push({
      key: 'approved',
      title: t('orders.steps.approved', { number: order.number ?? '' }),
      when: formatTime(order.approvedAt),
      detail: order.approvedByName ? t('orders.steps.by', { name: order.approvedByName }) : null,
    });
  if (order.deliveryDate && order.deliveryMethod)
    steps.push({
      key: 'delivered',
      title: t('orders.steps.delivered', { method: t(`codes.deliveryMethod.${order.deliveryMethod}`) }),
      when: order.deliveryDate,
    });
  for (const [i, f] of order.followUps.entries())
    steps.push({
      key: `followUp-${f.id}`,
      title: t('orders.steps.followUp', { n: i + 1, method: t(`codes.followUpMethod.${f.method}`) }),
      when: f.date,
      detail: f.compliance
        ? t('orders.steps.compliance', { value: t(`codes.compliance.${f.compliance}`) })
        : null,
    });
  if (order.observationEnd) {
    const over = order.observationEnd <= todayText() || order.status === 'closed';
    steps.push({
      key: 'observationEnd',
      title: t('orders.steps.observationEnd'),
      when: order.observationEnd,
      color: over ? 'blue' : 'gray',
    });
  }
  // No time is kept for the start of the evaluation; it shows only while it is the current step.
  if (order.status === 'evaluating') steps.push({ key: 'evaluating', title: t('orders.steps.evaluating') });
  if (order.closedAt && order.evaluation)
    steps.push({
      key: 'closed',
      title: t('orders.steps.closed', { result: t(`codes.evaluation.${order.evaluation}`) }),
      when: formatTime(order.closedAt),
      detail: order.outcome && order.outcome !== 'close' ? t(`codes.outcome.${order.outcome}`) : null,
      color: 'green',
    });
  if (order.withdrawnAt)
    steps.push({
      key: 'withdrawn',
      title: t('orders.steps.withdrawn'),
      when: formatTime(order.withdrawnAt),
      detail: order.withdrawReason,
      color: 'gray',
    });
  return steps;
}

function StepsCard({ order }: { order: OrderView }) {
  return (
    <Card title={t('orders.page.stepsTitle')} size="small" style={{ height: '100%' }}>
      <Timeline
        data-testid="order-steps"
        style={{ marginTop: 8 }}
        items={orderSteps(order).map((s) => ({
          key: s.key,
          color: s.color ?? 'blue',
          content: (
            <Space direction="vertical" size={0}>
              <Typography.Text strong>{s.title}</Typography.Text>
              {s.when && <Typography.Text type="secondary">{s.when}</Typography.Text>}
              {s.detail && <Typography.Text type="secondary">{s.detail}</Typography.Text>}
            </Space>
          ),
        }))}
      />
    </Card>
  );
}

function EvaluationCard({ order }: { order: OrderView }) {
  return (
    <Card title={t('orders.page.evaluationTitle')} size="small" data-testid="order-evaluation">
      <Descriptions column={2} size="small" styles={{ label: { width: 110 } }}>
        <Descriptions.Item label={t('orders.fields.evaluation')}>
          {order.evaluation ? (
            <Tag color={order.evaluation === 'notMet' ? 'red' : 'green'}>
              {t(`codes.evaluation.${order.evaluation}`)}
            </Tag>
          ) : (
            <None />
          )}
        </Descriptions.Item>
        <Descriptions.Item label={t('orders.fields.outcome')}>
          {order.outcome ? t(`codes.outcome.${order.outcome}`) : <None />}
        </Descriptions.Item>
        <Descriptions.Item label={t('orders.fields.evaluationNote')} span={2}>
          <Prose text={order.evaluationNote} />
        </Descriptions.Item>
      </Descriptions>
      {order.outcomePlanId && (
        <InfoNote
          after
          title={t('orders.page.planCreated')}
          action={
            <Link to={`/education/plans/${order.outcomePlanId}`} data-testid="outcome-plan-link">
              {t('orders.page.openPlan')}
            </Link>
          }
        />
      )}
      {order.outcomeSuitId && (
        <InfoNote
          after
          title={t('suits.page.createdFromOrder')}
          action={
            <Link to={`/suits/${order.outcomeSuitId}`} data-testid="outcome-suit-link">
              {t('suits.page.openSuit')}
            </Link>
          }
        />
      )}
    </Card>
  );
}
