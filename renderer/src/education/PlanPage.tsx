import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Col,
  Descriptions,
  Flex,
  Row,
  type TableColumnsType,
  Tag,
  Typography,
  theme,
} from 'antd';
import { type HTMLAttributes, type ReactNode, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { PLAN_EDITABLE, PLAN_FOLLOW_UP, PLAN_SESSIONS, type PlanStep } from '../../../db/education/codes';
import { t } from '../../../db/i18n';
import { api } from '../api/client';
import { AttachmentsPanel } from '../attachments/AttachmentsPanel';
import { todayText } from '../common/dates';
import { None, orNone, Prose } from '../common/empty';
import { actionButtons, RecordHeader, StepRefused, useDirectStep, useRecordPage } from '../common/RecordPage';
import { ShortTable } from '../common/ShortTable';
import { FollowUpHistory, RequirementsTable } from '../followups/followUps';
import { CompleteModal, PlanFollowUpModal, SessionModal, SuspendModal } from './PlanModals';
import { PlanKindTag, PlanStatusTag, type SessionView, termText } from './parts';
import type { PlanView } from './register';

type Dialog = 'session' | 'complete' | 'suspend' | 'followUp';

/** Keyed by the id, so opening another plan starts with no dialog or message left over. */
export function PlanRoute() {
  const { id = '' } = useParams();
  return <PlanPage key={id} id={id} />;
}

function PlanPage({ id }: { id: string }) {
  const navigate = useNavigate();
  // Every write answers with the whole fresh plan; it replaces what was loaded.
  const page = useRecordPage('education.getPlan', id, '/education');
  const { record: plan, setRecord: setPlan, reload, back } = page;
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const direct = useDirectStep<PlanView, 'start'>(setPlan, reload);

  if (!plan) return page.unavailable;

  const s = plan.status;
  // The buttons are the steps the core says this user may take (PLAN_FLOW), and the edits open now.
  const may = (k: PlanStep) => plan.steps.includes(k);
  const open = (d: Dialog) => () => setDialog(d);
  const actions = actionButtons([
    PLAN_EDITABLE.includes(s) && {
      key: 'edit',
      label: t('education.page.edit'),
      icon: <EditOutlined />,
      onClick: () => navigate(`/education/plans/${plan.id}/edit`),
    },
    may('start') && {
      key: 'start',
      label: t('education.page.start'),
      primary: true,
      loading: direct.running === 'start',
      onClick: () =>
        void direct.run(
          'start',
          () => api('education.startPlan', { id: plan.id, version: plan.version }),
          t('education.page.started'),
        ),
    },
    PLAN_SESSIONS.includes(s) && {
      key: 'session',
      label: t('education.page.addSession'),
      primary: true,
      icon: <PlusOutlined />,
      onClick: open('session'),
    },
    may('complete') && { key: 'complete', label: t('education.page.complete'), onClick: open('complete') },
    PLAN_FOLLOW_UP.includes(s) && {
      key: 'followUp',
      label: t('education.page.followUp'),
      primary: s === 'completed',
      onClick: open('followUp'),
    },
    may('suspend') && {
      key: 'suspend',
      label: t('education.page.suspend'),
      danger: true,
      onClick: open('suspend'),
    },
  ]);

  const modalProps = { plan, onClose: () => setDialog(null), onSaved: setPlan, onConflict: reload };

  return (
    <>
      <RecordHeader back={back} actionsLabel={t('education.page.actions')} actions={actions}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('education.page.title', { name: plan.childName })}
        </Typography.Title>
        <PlanKindTag kind={plan.kind} />
        <PlanStatusTag status={s} testId="plan-status" />
      </RecordHeader>

      <StepRefused title={t('education.page.refused')} error={direct.error} onClose={direct.clearError} />
      <Notices plan={plan} />

      <Flex vertical gap={16}>
        <ProgressPanel plan={plan} />
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={12}>
            <PlanCard plan={plan} />
          </Col>
          <Col xs={24} xl={12}>
            <AssessmentCard plan={plan} />
          </Col>
        </Row>
        <Card title={t('education.fields.goals')} size="small">
          <RequirementsTable
            items={plan.goals}
            textTitle={t('education.planForm.goalText')}
            emptyText={t('education.page.noGoals')}
            testId="plan-goals"
          />
        </Card>
        <Card
          title={t('education.page.sessionsTitle')}
          size="small"
          extra={
            s === 'active' ? (
              <Button size="small" icon={<PlusOutlined />} onClick={() => setDialog('session')}>
                {t('education.page.addSession')}
              </Button>
            ) : undefined
          }
        >
          <SessionsTable plan={plan} />
        </Card>
        {s === 'completed' && <FinalCard plan={plan} />}
        {(plan.followUps.length > 0 || s === 'completed') && (
          <Card title={t('education.page.followUpsTitle')} size="small">
            <FollowUpHistory items={plan.followUps} testId="plan-follow-ups" />
          </Card>
        )}
        <AttachmentsPanel recordKind="plan" recordId={plan.id} />
      </Flex>

      {dialog === 'session' && <SessionModal {...modalProps} />}
      {dialog === 'complete' && <CompleteModal {...modalProps} />}
      {dialog === 'suspend' && <SuspendModal {...modalProps} />}
      {dialog === 'followUp' && <PlanFollowUpModal {...modalProps} />}
    </>
  );
}

function Notices({ plan }: { plan: PlanView }) {
  const notes: ReactNode[] = [];
  if (plan.sourceOrderId) {
    notes.push(
      <Alert
        key="order"
        type="info"
        showIcon
        title={t('education.page.fromOrder')}
        action={<Link to={`/orders/${plan.sourceOrderId}`}>{t('education.page.openOrder')}</Link>}
      />,
    );
  }
  if (plan.status === 'assessing' && (!plan.provider || !plan.startDate || !plan.endDate)) {
    notes.push(<Alert key="term" type="info" showIcon title={t('validation.education.termRequired')} />);
  }
  if (plan.status === 'suspended') {
    notes.push(
      <Alert
        key="suspended"
        type="warning"
        showIcon
        title={t('education.page.suspended')}
        description={plan.suspendReason}
      />,
    );
  }
  if (plan.termLong) {
    notes.push(<Alert key="long" type="warning" showIcon title={t('education.planForm.termLong')} />);
  }
  if (!notes.length) return null;
  return (
    <Flex vertical gap={8} style={{ marginBottom: 16 }}>
      {notes}
    </Flex>
  );
}

/** One prominent number with what it counts. */
function Figure({
  label,
  value,
  unit,
  note,
  tone,
  testId,
}: {
  label: string;
  value: ReactNode;
  unit?: string;
  note?: ReactNode;
  tone?: 'danger' | 'success';
  testId: string;
}) {
  const { token } = theme.useToken();
  const color =
    tone === 'danger' ? token.colorError : tone === 'success' ? token.colorSuccess : token.colorText;
  return (
    <div data-testid={testId} style={{ minWidth: 150 }}>
      <Typography.Text type="secondary">{label}</Typography.Text>
      <div style={{ color, lineHeight: 1.2, marginTop: 4 }}>
        <span
          data-testid={`${testId}-value`}
          // Words (本期已完成, 已回访) read as a state, not a figure: smaller than the numbers.
          style={{
            fontSize: /^[\d-]+$/.test(String(value)) ? 36 : 24,
            fontWeight: 600,
            fontVariantNumeric: 'tabular-nums',
          }}
        >
          {value}
        </span>
        {unit && <span style={{ fontSize: 16, marginInlineStart: 4 }}>{unit}</span>}
      </div>
      {note && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {note}
        </Typography.Text>
      )}
    </div>
  );
}

/** 应开展 / 已开展 / 缺少 and this period's deadline, as the core counts them (db/education/progress.ts). */
function ProgressPanel({ plan }: { plan: PlanView }) {
  const p = plan.progress;
  const today = todayText();
  if (!p) {
    return (
      <Card size="small" title={t('education.progress.title')}>
        <Typography.Text type="secondary">{t('education.progress.notStarted')}</Typography.Text>
      </Card>
    );
  }
  const frequency = t('education.progress.frequency', { n: plan.sessionsPerMonth, min: plan.minMinutes });
  return (
    <Card
      size="small"
      title={t('education.progress.title')}
      extra={<Typography.Text type="secondary">{frequency}</Typography.Text>}
      data-testid="plan-progress"
    >
      <Flex gap={48} wrap align="start" style={{ padding: '4px 8px' }}>
        <Figure
          label={t('education.progress.dueSoFar')}
          value={p.dueSoFar}
          unit={t('education.progress.unit')}
          note={t('education.progress.required', { n: p.required, periods: p.periods })}
          testId="progress-due"
        />
        <Figure
          label={t('education.progress.held')}
          value={p.held}
          unit={t('education.progress.unit')}
          tone={p.held >= p.dueSoFar ? 'success' : undefined}
          note={
            p.tooShort > 0
              ? t('education.progress.tooShort', { n: p.tooShort, min: plan.minMinutes })
              : undefined
          }
          testId="progress-held"
        />
        <Figure
          label={t('education.progress.missed')}
          value={p.missed}
          unit={t('education.progress.unit')}
          tone={p.missed > 0 ? 'danger' : undefined}
          note={t('education.progress.missedNote')}
          testId="progress-missed"
        />
        {plan.status === 'active' && (
          <Figure
            label={t('education.progress.dueBy')}
            value={p.dueBy ?? t('education.progress.periodDone')}
            tone={p.dueBy && p.dueBy < today ? 'danger' : undefined}
            note={p.dueBy ? t('education.progress.dueNow', { n: p.dueNow }) : undefined}
            testId="progress-due-by"
          />
        )}
        {plan.status === 'completed' && (
          <Figure
            label={t('education.progress.followUpDue')}
            value={plan.followUpDue ?? t('education.progress.followUpDone')}
            tone={plan.followUpDue && plan.followUpDue < today ? 'danger' : undefined}
            note={plan.followUpDue ? t('education.progress.followUpNote') : undefined}
            testId="progress-follow-up-due"
          />
        )}
      </Flex>
    </Card>
  );
}

function PlanCard({ plan }: { plan: PlanView }) {
  return (
    <Card title={t('education.page.planTitle')} size="small" style={{ height: '100%' }}>
      <Descriptions column={1} size="small" styles={{ label: { width: 110 } }}>
        <Descriptions.Item label={t('education.fields.child')}>
          <Link to={`/children/${plan.childId}`}>{plan.childName}</Link>
        </Descriptions.Item>
        <Descriptions.Item label={t('education.fields.guardians')}>
          {plan.guardians.map((g) => g.name).join('、') || <None />}
        </Descriptions.Item>
        <Descriptions.Item label={t('education.fields.provider')}>{orNone(plan.provider)}</Descriptions.Item>
        <Descriptions.Item label={t('education.fields.term')}>{orNone(termText(plan))}</Descriptions.Item>
        <Descriptions.Item label={t('education.fields.frequency')}>
          {t('education.progress.frequency', { n: plan.sessionsPerMonth, min: plan.minMinutes })}
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );
}

function AssessmentCard({ plan }: { plan: PlanView }) {
  const level = (v: PlanView['willingness']) => (v ? t(`codes.level.${v}`) : <None />);
  return (
    <Card title={t('education.page.assessmentTitle')} size="small" style={{ height: '100%' }}>
      <Descriptions column={2} size="small" styles={{ label: { width: 110 } }}>
        <Descriptions.Item label={t('education.fields.assessmentDate')} span={2}>
          {orNone(plan.assessmentDate)}
        </Descriptions.Item>
        <Descriptions.Item label={t('education.fields.willingness')}>
          {level(plan.willingness)}
        </Descriptions.Item>
        <Descriptions.Item label={t('education.fields.ability')}>{level(plan.ability)}</Descriptions.Item>
        <Descriptions.Item label={t('education.fields.relationship')} span={2}>
          {plan.relationship ? t(`codes.relationship.${plan.relationship}`) : <None />}
        </Descriptions.Item>
        <Descriptions.Item label={t('education.fields.assessmentNote')} span={2}>
          <Prose text={plan.assessmentNote} />
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );
}

function SessionsTable({ plan }: { plan: PlanView }) {
  const columns: TableColumnsType<SessionView> = [
    {
      title: t('education.session.date'),
      dataIndex: 'date',
      key: 'date',
      width: 110,
      render: (d: string) => <span style={{ whiteSpace: 'nowrap' }}>{d}</span>,
    },
    {
      title: t('education.session.mode'),
      dataIndex: 'mode',
      key: 'mode',
      width: 100,
      render: (m: SessionView['mode']) => t(`codes.sessionMode.${m}`),
    },
    {
      title: t('education.session.minutes'),
      dataIndex: 'minutes',
      key: 'minutes',
      width: 130,
      render: (m: number, row) => (
        <Flex gap={6} align="center" wrap={false}>
          <span>{t('education.session.minutesValue', { n: m })}</span>
          {!row.counts && (
            <Tag
              color="orange"
              style={{ marginInlineEnd: 0 }}
              title={t('education.session.tooShort', { min: plan.minMinutes })}
            >
              {t('education.session.notCounted')}
            </Tag>
          )}
        </Flex>
      ),
    },
    { title: t('education.session.attendees'), dataIndex: 'attendees', key: 'attendees', width: 150 },
    { title: t('education.session.instructor'), dataIndex: 'instructor', key: 'instructor', width: 100 },
    { title: t('education.session.content'), dataIndex: 'content', key: 'content' },
    {
      title: t('education.session.homework'),
      dataIndex: 'homework',
      key: 'homework',
      width: 160,
      render: (v: string | null) => v ?? <None />,
    },
    {
      title: t('education.session.evaluation'),
      dataIndex: 'evaluation',
      key: 'evaluation',
      width: 120,
      render: (v: string | null) => v ?? <None />,
    },
  ];
  return (
    <ShortTable<SessionView>
      columns={columns}
      rows={plan.sessions}
      testId="plan-sessions"
      empty={t('education.page.noSessions')}
      onRow={(row) => ({ 'data-counts': row.counts ? 'true' : 'false' }) as HTMLAttributes<HTMLElement>}
    />
  );
}

function FinalCard({ plan }: { plan: PlanView }) {
  return (
    <Card title={t('education.page.finalTitle')} size="small" data-testid="plan-final">
      <Descriptions column={2} size="small" styles={{ label: { width: 110 } }}>
        <Descriptions.Item label={t('education.complete.date')}>
          {orNone(plan.completedDate)}
        </Descriptions.Item>
        <Descriptions.Item label={t('education.complete.result')}>
          {plan.finalResult ? (
            <Tag color={plan.finalResult === 'notMet' ? 'red' : 'green'}>
              {t(`codes.evaluation.${plan.finalResult}`)}
            </Tag>
          ) : (
            <None />
          )}
        </Descriptions.Item>
        <Descriptions.Item label={t('education.complete.evaluation')} span={2}>
          <Prose text={plan.finalEvaluation} />
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );
}
