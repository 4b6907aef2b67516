import { EditOutlined } from '@ant-design/icons';
import { Alert, Button, Col, Flex, Form, Input, Radio, Row, Tag, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { type Catalog, t } from '../../../db/i18n';
import { CEILING_MONTHS, RETURN_VISIT_METHODS, type ReliefStep } from '../../../db/relief/codes';
import { formatYuan, parseYuan } from '../../../db/relief/rules';
import { api } from '../api/client';
import { todayText } from '../common/dates';
import { orNone, Prose } from '../common/empty';
import type { ModalProps } from '../common/FormDialog';
import { DateField, fieldsIn, TextAreaField, TextField } from '../common/fields';
import { blankToNull } from '../common/forms';
import { DetailsCard, RecordHeader, RecordNote, stepButtons, useRecordPage } from '../common/RecordPage';
import { ReasonModal, StepModal } from '../common/StepModal';
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
  const page = useRecordPage('relief.get', id, '/relief');
  const { record: r, setRecord, reload, back } = page;
  const [dialog, setDialog] = useState<ReliefStep | null>(null);

  if (!r) return page.unavailable;
  const actions: ReactNode[] = [];
  if (r.status === 'applied' || r.status === 'reviewing')
    actions.push(
      <Button key="edit" icon={<EditOutlined />} onClick={() => navigate(`/relief/${r.id}/edit`)}>
        {t('relief.page.edit')}
      </Button>,
    );
  actions.push(
    ...stepButtons(r.steps, {
      label: (s) => t(`relief.codes.step.${s}`),
      onClick: setDialog,
      primary: (s) => PRIMARY.includes(s),
      danger: (s) => s === 'withdraw' || s === 'deny',
    }),
  );
  if (r.status !== 'withdrawn') actions.push(<PrintReliefButton key="print" reliefId={r.id} />);

  const modalProps: Props = {
    relief: r,
    onClose: () => setDialog(null),
    onSaved: setRecord,
    onConflict: reload,
  };
  const none = t('relief.page.none');

  return (
    <>
      <RecordHeader back={back} actionsLabel={t('relief.title')} actions={actions}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('relief.title')} · {r.child.name}
        </Typography.Title>
        <ReliefStatusTag status={r.status} testId="relief-status" />
        {r.overCeiling && <Tag color="orange">{t('relief.page.overCeilingTag')}</Tag>}
      </RecordHeader>
      {r.status === 'withdrawn' && (
        <RecordNote title={t('relief.codes.status.withdrawn')} description={r.withdrawReason} />
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <DetailsCard
            title={t('relief.page.sectionApplication')}
            column={2}
            items={[
              { label: f('child'), value: <Link to={`/children/${r.child.id}`}>{r.child.name}</Link> },
              { label: f('township'), value: r.child.township },
              { label: f('applicantName'), value: r.applicantName },
              {
                label: f('applicantRelation'),
                value: t(`relief.codes.relation.${r.applicantRelation as 'other'}`),
              },
              { label: f('applicantPhone'), value: orNone(r.applicantPhone) },
              { label: f('applicationDate'), value: r.applicationDate },
              { label: f('caseNumber'), value: orNone(r.caseNumber) },
              { label: f('requested'), value: orNone(r.requested) },
              { label: f('reasons'), value: <Prose text={r.reasons} />, span: 2 },
            ]}
          >
            <Typography.Text strong>{f('materials')}</Typography.Text>
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
          </DetailsCard>
        </Col>
        <Col xs={24} xl={10}>
          <Flex vertical gap={16}>
            <DetailsCard
              title={t('relief.page.sectionDecision')}
              items={[
                { label: f('reviewNote'), value: orNone(r.reviewNote) },
                { label: f('decisionDate'), value: orNone(r.decisionDate) },
                {
                  label: f('amount'),
                  value: (
                    <span data-testid="relief-amount">
                      {r.amount ?? (r.status === 'denied' ? t('relief.codes.status.denied') : none)}
                    </span>
                  ),
                },
                { label: f('ceiling'), value: r.ceiling },
                { label: f('decisionReason'), value: orNone(r.decisionReason) },
                { label: f('decidedBy'), value: orNone(r.decidedByName) },
              ]}
            />
            <DetailsCard
              title={t('relief.page.sectionPayment')}
              items={[
                { label: f('paidDate'), value: orNone(r.paidDate) },
                { label: f('accountHolders'), value: orNone(r.accountHolders) },
                { label: f('bank'), value: orNone(r.bank) },
                { label: f('accountTail'), value: orNone(r.accountTail) },
                { label: f('accountSupervisor'), value: orNone(r.accountSupervisor) },
              ]}
            />
            <DetailsCard
              title={t('relief.page.sectionVisit')}
              items={[
                { label: f('returnVisitDate'), value: orNone(r.returnVisitDate) },
                {
                  label: f('returnVisitMethod'),
                  value: r.returnVisitMethod
                    ? t(`relief.codes.visitMethod.${r.returnVisitMethod}`)
                    : orNone(null),
                },
                { label: f('returnVisitFindings'), value: <Prose text={r.returnVisitFindings} /> },
              ]}
            />
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
          {...step('withdraw')}
          warning={t('relief.codes.step.withdraw')}
          label={f('withdrawReason')}
          call={(reason) => api('relief.withdraw', { id: r.id, version: r.version, reason })}
        />
      )}
    </>
  );
}

type FieldKey = keyof Catalog['relief']['fields'];
const f = (k: FieldKey) => t(`relief.fields.${k}`);
const field = fieldsIn(f);

type Props = ModalProps<ReliefView> & { relief: ReliefView };
const done = (step: ReliefStep) => t('relief.page.stepDone', { step: t(`relief.codes.step.${step}`) });

/** What every step's dialog shares: its title, the confirm button and the toast once done. */
function step(s: ReliefStep) {
  return { title: t(`relief.dialogs.${s}Title`), okText: t('relief.dialogs.confirm'), done: done(s) };
}

function ReviewModal({ relief, ...props }: Props) {
  return (
    <StepModal<{ note?: string }, ReliefView>
      {...props}
      {...step('startReview')}
      call={(v) =>
        api('relief.startReview', { id: relief.id, version: relief.version, note: blankToNull(v.note) })
      }
    >
      <TextAreaField label={f('reviewNote')} name="note" />
    </StepModal>
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
  const wage = (relief.ceilingFen / 100 / CEILING_MONTHS).toLocaleString('zh-CN');
  return (
    <StepModal<GrantValues, ReliefView>
      {...props}
      {...step('grant')}
      form={form}
      call={(v) =>
        api('relief.grant', {
          id: relief.id,
          version: relief.version,
          decisionDate: v.decisionDate ?? '',
          amount: v.amount ?? '',
          reason: v.reason ?? '',
        })
      }
      initialValues={{ decisionDate: todayText(), amount: relief.requested?.replace(/,/g, '') ?? '' }}
    >
      <Typography.Paragraph type="secondary">
        {t('relief.page.ceilingHint', { months: CEILING_MONTHS, wage, ceiling: relief.ceiling })}
      </Typography.Paragraph>
      <DateField {...field('decisionDate')} required />
      <Form.Item {...field('amount')} required>
        <Input
          maxLength={16}
          suffix={t('relief.yuan')}
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
      <TextAreaField label={f('decisionReason')} name="reason" required />
    </StepModal>
  );
}

function DenyModal({ relief, ...props }: Props) {
  return (
    <StepModal<{ decisionDate?: string | null; reason?: string }, ReliefView>
      {...props}
      {...step('deny')}
      danger
      call={(v) =>
        api('relief.deny', {
          id: relief.id,
          version: relief.version,
          decisionDate: v.decisionDate ?? '',
          reason: v.reason ?? '',
        })
      }
      initialValues={{ decisionDate: todayText() }}
    >
      <DateField {...field('decisionDate')} required />
      <TextAreaField label={f('decisionReason')} name="reason" required />
    </StepModal>
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
  return (
    <StepModal<PayValues, ReliefView>
      {...props}
      {...step('pay')}
      call={(v) =>
        api('relief.pay', {
          id: relief.id,
          version: relief.version,
          paidDate: v.paidDate ?? '',
          accountHolders: v.accountHolders ?? '',
          bank: v.bank ?? '',
          accountTail: blankToNull(v.accountTail),
          accountSupervisor: v.accountSupervisor ?? '',
        })
      }
      initialValues={{ paidDate: todayText() }}
    >
      <Typography.Paragraph type="secondary">{t('relief.dialogs.payIntro')}</Typography.Paragraph>
      <DateField {...field('paidDate')} required />
      <TextField {...field('accountHolders')} required maxLength={100} />
      <Row gutter={16}>
        <Col span={14}>
          <TextField {...field('bank')} required maxLength={60} />
        </Col>
        <Col span={10}>
          <TextField {...field('accountTail')} maxLength={4} />
        </Col>
      </Row>
      <TextField {...field('accountSupervisor')} required maxLength={60} />
    </StepModal>
  );
}

interface VisitValues {
  date?: string | null;
  method?: (typeof RETURN_VISIT_METHODS)[number];
  findings?: string;
}

function ReturnVisitModal({ relief, ...props }: Props) {
  return (
    <StepModal<VisitValues, ReliefView>
      {...props}
      {...step('returnVisit')}
      call={(v) =>
        api('relief.returnVisit', {
          id: relief.id,
          version: relief.version,
          date: v.date ?? '',
          method: v.method as NonNullable<VisitValues['method']>,
          findings: v.findings ?? '',
        })
      }
      initialValues={{ date: todayText() }}
    >
      <DateField label={f('returnVisitDate')} name="date" required />
      <Form.Item label={f('returnVisitMethod')} name="method" required>
        <Radio.Group
          options={RETURN_VISIT_METHODS.map((m) => ({ value: m, label: t(`relief.codes.visitMethod.${m}`) }))}
        />
      </Form.Item>
      <TextAreaField label={f('returnVisitFindings')} name="findings" required rows={4} />
    </StepModal>
  );
}
