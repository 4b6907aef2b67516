import { EditOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Col,
  DatePicker,
  Descriptions,
  Flex,
  Form,
  Input,
  Radio,
  Row,
  Tag,
  Typography,
} from 'antd';
import { type ReactNode, useCallback, useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { t } from '../../../db/i18n';
import { CEILING_MONTHS, RETURN_VISIT_METHODS, type ReliefStep } from '../../../db/relief/codes';
import { formatYuan, parseYuan } from '../../../db/relief/rules';
import { api } from '../api/client';
import { afterToday, DATE_FORMAT, dateItem, todayText } from '../common/dates';
import { BackLink, orNone, Prose } from '../common/empty';
import { FormModal, type ModalProps, ReasonModal, useModalForm } from '../common/FormDialog';
import { blankToNull } from '../common/forms';
import { RecordHeader, RecordUnavailable } from '../common/RecordPage';
import { useApiQuery } from '../common/useApiQuery';
import { PrintReliefButton } from '../print/PrintButtons';
import { ReliefStatusTag, type ReliefView } from './parts';

export function ReliefRoute() {
  const { id = '' } = useParams();
  return <ReliefPage key={id} id={id} />;
}

// Dialog steps; the buttons shown are the steps the API says this user may take (RELIEF_FLOW).
const PRIMARY: ReliefStep[] = ['startReview', 'grant', 'pay', 'returnVisit'];

function ReliefPage({ id }: { id: string }) {
  const navigate = useNavigate();
  const { data, error, reload } = useApiQuery('relief.get', { id });
  const [relief, setRelief] = useState<ReliefView | null>(null);
  const [dialog, setDialog] = useState<ReliefStep | null>(null);
  useEffect(() => {
    if (data) setRelief(data);
  }, [data]);

  if (!relief)
    return (
      <RecordUnavailable
        error={error}
        back={<BackLink to="/relief" label={t('relief.form.backToList')} />}
        title={t('relief.page.notFound')}
      />
    );
  const r = relief;
  const actions: ReactNode[] = [];
  if (r.status === 'applied' || r.status === 'reviewing')
    actions.push(
      <Button key="edit" icon={<EditOutlined />} onClick={() => navigate(`/relief/${r.id}/edit`)}>
        {t('relief.page.edit')}
      </Button>,
    );
  for (const s of r.steps)
    actions.push(
      <Button
        key={s}
        type={PRIMARY.includes(s) ? 'primary' : 'default'}
        danger={s === 'withdraw' || s === 'deny'}
        onClick={() => setDialog(s)}
      >
        {t(`relief.codes.step.${s}`)}
      </Button>,
    );
  if (r.status !== 'withdrawn') actions.push(<PrintReliefButton key="print" reliefId={r.id} />);

  const modalProps: ModalProps<ReliefView> & { relief: ReliefView } = {
    relief: r,
    onClose: () => setDialog(null),
    onSaved: setRelief,
    onConflict: reload,
  };
  const none = t('relief.page.none');

  return (
    <>
      <RecordHeader
        back={<BackLink to="/relief" label={t('relief.form.backToList')} />}
        actionsLabel={t('relief.title')}
        actions={actions}
      >
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('relief.title')} · {r.child.name}
        </Typography.Title>
        <ReliefStatusTag status={r.status} testId="relief-status" />
        {r.overCeiling && <Tag color="orange">{t('relief.page.overCeilingTag')}</Tag>}
      </RecordHeader>
      {r.status === 'withdrawn' && (
        <Alert
          type="info"
          showIcon
          title={t('relief.codes.status.withdrawn')}
          description={r.withdrawReason}
          style={{ marginBottom: 16 }}
        />
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Card title={t('relief.page.sectionApplication')} size="small">
            <Descriptions column={2} size="small">
              <Descriptions.Item label={t('relief.fields.child')}>
                <Link to={`/children/${r.child.id}`}>{r.child.name}</Link>
              </Descriptions.Item>
              <Descriptions.Item label={t('relief.fields.township')}>{r.child.township}</Descriptions.Item>
              <Descriptions.Item label={t('relief.fields.applicantName')}>
                {r.applicantName}
              </Descriptions.Item>
              <Descriptions.Item label={t('relief.fields.applicantRelation')}>
                {t(`relief.codes.relation.${r.applicantRelation as 'other'}`)}
              </Descriptions.Item>
              <Descriptions.Item label={t('relief.fields.applicantPhone')}>
                {orNone(r.applicantPhone)}
              </Descriptions.Item>
              <Descriptions.Item label={t('relief.fields.applicationDate')}>
                {r.applicationDate}
              </Descriptions.Item>
              <Descriptions.Item label={t('relief.fields.caseNumber')}>
                {orNone(r.caseNumber)}
              </Descriptions.Item>
              <Descriptions.Item label={t('relief.fields.requested')}>
                {orNone(r.requested)}
              </Descriptions.Item>
              <Descriptions.Item label={t('relief.fields.reasons')} span={2}>
                <Prose text={r.reasons} />
              </Descriptions.Item>
            </Descriptions>
            <Typography.Text strong>{t('relief.fields.materials')}</Typography.Text>
            <Flex vertical gap={2} style={{ marginTop: 6 }} data-testid="relief-checklist">
              {r.checklist.map((c) => (
                <Flex key={c.code} gap={8} align="center">
                  <Tag color={c.received ? 'green' : 'default'} style={{ marginInlineEnd: 0 }}>
                    {c.received ? t('relief.page.received') : t('relief.page.missing')}
                  </Tag>
                  <span>{t(`relief.codes.material.${c.code}`)}</span>
                </Flex>
              ))}
            </Flex>
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Flex vertical gap={16}>
            <Card title={t('relief.page.sectionDecision')} size="small">
              <Descriptions column={1} size="small">
                <Descriptions.Item label={t('relief.fields.reviewNote')}>
                  {orNone(r.reviewNote)}
                </Descriptions.Item>
                <Descriptions.Item label={t('relief.fields.decisionDate')}>
                  {orNone(r.decisionDate)}
                </Descriptions.Item>
                <Descriptions.Item label={t('relief.fields.amount')}>
                  <span data-testid="relief-amount">
                    {r.amount ?? (r.status === 'denied' ? t('relief.codes.status.denied') : none)}
                  </span>
                </Descriptions.Item>
                <Descriptions.Item label={t('relief.fields.ceiling')}>{r.ceiling}</Descriptions.Item>
                <Descriptions.Item label={t('relief.fields.decisionReason')}>
                  {orNone(r.decisionReason)}
                </Descriptions.Item>
                <Descriptions.Item label={t('relief.fields.decidedBy')}>
                  {orNone(r.decidedByName)}
                </Descriptions.Item>
              </Descriptions>
            </Card>
            <Card title={t('relief.page.sectionPayment')} size="small">
              <Descriptions column={1} size="small">
                <Descriptions.Item label={t('relief.fields.paidDate')}>
                  {orNone(r.paidDate)}
                </Descriptions.Item>
                <Descriptions.Item label={t('relief.fields.accountHolders')}>
                  {orNone(r.accountHolders)}
                </Descriptions.Item>
                <Descriptions.Item label={t('relief.fields.bank')}>{orNone(r.bank)}</Descriptions.Item>
                <Descriptions.Item label={t('relief.fields.accountTail')}>
                  {orNone(r.accountTail)}
                </Descriptions.Item>
                <Descriptions.Item label={t('relief.fields.accountSupervisor')}>
                  {orNone(r.accountSupervisor)}
                </Descriptions.Item>
              </Descriptions>
            </Card>
            <Card title={t('relief.page.sectionVisit')} size="small">
              <Descriptions column={1} size="small">
                <Descriptions.Item label={t('relief.fields.returnVisitDate')}>
                  {orNone(r.returnVisitDate)}
                </Descriptions.Item>
                <Descriptions.Item label={t('relief.fields.returnVisitMethod')}>
                  {r.returnVisitMethod ? t(`relief.codes.visitMethod.${r.returnVisitMethod}`) : orNone(null)}
                </Descriptions.Item>
                <Descriptions.Item label={t('relief.fields.returnVisitFindings')}>
                  <Prose text={r.returnVisitFindings} />
                </Descriptions.Item>
              </Descriptions>
            </Card>
          </Flex>
        </Col>
      </Row>
      {dialog === 'startReview' && <ReviewModal {...modalProps} />}
      {dialog === 'grant' && <GrantModal {...modalProps} />}
      {dialog === 'deny' && <DenyModal {...modalProps} />}
      {dialog === 'pay' && <PayModal {...modalProps} />}
      {dialog === 'returnVisit' && <ReturnVisitModal {...modalProps} />}
      {dialog === 'withdraw' && (
        <ReasonModal
          {...modalProps}
          title={t('relief.dialogs.withdrawTitle')}
          warning={t('relief.codes.step.withdraw')}
          label={t('relief.fields.withdrawReason')}
          okText={t('relief.dialogs.confirm')}
          done={t('relief.page.stepDone', { step: t('relief.codes.step.withdraw') })}
          call={(reason) => api('relief.withdraw', { id: r.id, version: r.version, reason })}
        />
      )}
    </>
  );
}

type Props = ModalProps<ReliefView> & { relief: ReliefView };
const done = (step: ReliefStep) => t('relief.page.stepDone', { step: t(`relief.codes.step.${step}`) });

function ReviewModal({ relief, ...props }: Props) {
  const [form] = Form.useForm<{ note?: string }>();
  const call = useCallback(
    (v: { note?: string }) =>
      api('relief.startReview', { id: relief.id, version: relief.version, note: blankToNull(v.note) }),
    [relief],
  );
  const { onFinish, submitting, failure } = useModalForm(form, call, props, done('startReview'));
  return (
    <FormModal
      title={t('relief.dialogs.startReviewTitle')}
      onClose={props.onClose}
      form={form}
      onFinish={onFinish}
      submitting={submitting}
      failure={failure}
      okText={t('relief.dialogs.confirm')}
    >
      <Form.Item label={t('relief.fields.reviewNote')} name="note">
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
    </FormModal>
  );
}

interface GrantValues {
  decisionDate?: string | null;
  amount?: string;
  reason?: string;
}

function GrantModal({ relief, ...props }: Props) {
  const [form] = Form.useForm<GrantValues>();
  const amount = Form.useWatch('amount', form);
  const fen = amount ? parseYuan(amount) : null;
  const over = fen !== null && fen > relief.ceilingFen;
  const call = useCallback(
    (v: GrantValues) =>
      api('relief.grant', {
        id: relief.id,
        version: relief.version,
        decisionDate: v.decisionDate ?? '',
        amount: v.amount ?? '',
        reason: v.reason ?? '',
      }),
    [relief],
  );
  const { onFinish, submitting, failure } = useModalForm(form, call, props, done('grant'));
  const wage = (relief.ceilingFen / 100 / CEILING_MONTHS).toLocaleString('zh-CN');
  return (
    <FormModal
      title={t('relief.dialogs.grantTitle')}
      onClose={props.onClose}
      form={form}
      onFinish={onFinish}
      submitting={submitting}
      failure={failure}
      okText={t('relief.dialogs.confirm')}
      initialValues={{ decisionDate: todayText(), amount: relief.requested?.replace(/,/g, '') ?? '' }}
    >
      <Typography.Paragraph type="secondary">
        {t('relief.page.ceilingHint', { months: CEILING_MONTHS, wage, ceiling: relief.ceiling })}
      </Typography.Paragraph>
      <Form.Item label={t('relief.fields.decisionDate')} name="decisionDate" required {...dateItem}>
        <DatePicker format={DATE_FORMAT} disabledDate={afterToday} style={{ width: 200 }} />
      </Form.Item>
      <Form.Item label={t('relief.fields.amount')} name="amount" required>
        <Input
          maxLength={16}
          suffix="元"
          placeholder={t('relief.form.amountPlaceholder')}
          style={{ width: 240 }}
        />
      </Form.Item>
      {over && (
        <Alert
          type="warning"
          showIcon
          data-testid="ceiling-warning"
          style={{ marginBottom: 16 }}
          title={t('relief.page.overCeilingWarning', { amount: formatYuan(fen), ceiling: relief.ceiling })}
        />
      )}
      <Form.Item label={t('relief.fields.decisionReason')} name="reason" required>
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
    </FormModal>
  );
}

function DenyModal({ relief, ...props }: Props) {
  const [form] = Form.useForm<{ decisionDate?: string | null; reason?: string }>();
  const call = useCallback(
    (v: { decisionDate?: string | null; reason?: string }) =>
      api('relief.deny', {
        id: relief.id,
        version: relief.version,
        decisionDate: v.decisionDate ?? '',
        reason: v.reason ?? '',
      }),
    [relief],
  );
  const { onFinish, submitting, failure } = useModalForm(form, call, props, done('deny'));
  return (
    <FormModal
      title={t('relief.dialogs.denyTitle')}
      onClose={props.onClose}
      form={form}
      onFinish={onFinish}
      submitting={submitting}
      failure={failure}
      okText={t('relief.dialogs.confirm')}
      danger
      initialValues={{ decisionDate: todayText() }}
    >
      <Form.Item label={t('relief.fields.decisionDate')} name="decisionDate" required {...dateItem}>
        <DatePicker format={DATE_FORMAT} disabledDate={afterToday} style={{ width: 200 }} />
      </Form.Item>
      <Form.Item label={t('relief.fields.decisionReason')} name="reason" required>
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
    </FormModal>
  );
}

interface PayValues {
  paidDate?: string | null;
  accountHolders?: string;
  bank?: string;
  accountTail?: string | null;
  accountSupervisor?: string;
}

function PayModal({ relief, ...props }: Props) {
  const [form] = Form.useForm<PayValues>();
  const call = useCallback(
    (v: PayValues) =>
      api('relief.pay', {
        id: relief.id,
        version: relief.version,
        paidDate: v.paidDate ?? '',
        accountHolders: v.accountHolders ?? '',
        bank: v.bank ?? '',
        accountTail: blankToNull(v.accountTail),
        accountSupervisor: v.accountSupervisor ?? '',
      }),
    [relief],
  );
  const { onFinish, submitting, failure } = useModalForm(form, call, props, done('pay'));
  return (
    <FormModal
      title={t('relief.dialogs.payTitle')}
      onClose={props.onClose}
      form={form}
      onFinish={onFinish}
      submitting={submitting}
      failure={failure}
      okText={t('relief.dialogs.confirm')}
      initialValues={{ paidDate: todayText() }}
    >
      <Typography.Paragraph type="secondary">{t('relief.dialogs.payIntro')}</Typography.Paragraph>
      <Form.Item label={t('relief.fields.paidDate')} name="paidDate" required {...dateItem}>
        <DatePicker format={DATE_FORMAT} disabledDate={afterToday} style={{ width: 200 }} />
      </Form.Item>
      <Form.Item label={t('relief.fields.accountHolders')} name="accountHolders" required>
        <Input maxLength={100} />
      </Form.Item>
      <Row gutter={16}>
        <Col span={14}>
          <Form.Item label={t('relief.fields.bank')} name="bank" required>
            <Input maxLength={60} />
          </Form.Item>
        </Col>
        <Col span={10}>
          <Form.Item label={t('relief.fields.accountTail')} name="accountTail">
            <Input maxLength={4} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item label={t('relief.fields.accountSupervisor')} name="accountSupervisor" required>
        <Input maxLength={60} />
      </Form.Item>
    </FormModal>
  );
}

interface VisitValues {
  date?: string | null;
  method?: (typeof RETURN_VISIT_METHODS)[number];
  findings?: string;
}

function ReturnVisitModal({ relief, ...props }: Props) {
  const [form] = Form.useForm<VisitValues>();
  const call = useCallback(
    (v: VisitValues) =>
      api('relief.returnVisit', {
        id: relief.id,
        version: relief.version,
        date: v.date ?? '',
        method: v.method as NonNullable<VisitValues['method']>,
        findings: v.findings ?? '',
      }),
    [relief],
  );
  const { onFinish, submitting, failure } = useModalForm(form, call, props, done('returnVisit'));
  return (
    <FormModal
      title={t('relief.dialogs.returnVisitTitle')}
      onClose={props.onClose}
      form={form}
      onFinish={onFinish}
      submitting={submitting}
      failure={failure}
      okText={t('relief.dialogs.confirm')}
      initialValues={{ date: todayText() }}
    >
      <Form.Item label={t('relief.fields.returnVisitDate')} name="date" required {...dateItem}>
        <DatePicker format={DATE_FORMAT} disabledDate={afterToday} style={{ width: 200 }} />
      </Form.Item>
      <Form.Item label={t('relief.fields.returnVisitMethod')} name="method" required>
        <Radio.Group
          options={RETURN_VISIT_METHODS.map((m) => ({ value: m, label: t(`relief.codes.visitMethod.${m}`) }))}
        />
      </Form.Item>
      <Form.Item label={t('relief.fields.returnVisitFindings')} name="findings" required>
        <Input.TextArea rows={4} maxLength={2000} />
      </Form.Item>
    </FormModal>
  );
}
