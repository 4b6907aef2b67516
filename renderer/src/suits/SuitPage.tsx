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
  Row,
  Select,
  Tag,
  Typography,
} from 'antd';
import { type ReactNode, useCallback, useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { t } from '../../../db/i18n';
import { NEW_GUARDIAN_KINDS, SUIT_DECISIONS, SUIT_DOCUMENTS, type SuitStep } from '../../../db/suits/codes';
import { api } from '../api/client';
import { afterToday, DATE_FORMAT, dateItem, todayText } from '../common/dates';
import { BackLink, orNone, Prose } from '../common/empty';
import { FormModal, type ModalProps, ReasonModal, useModalForm } from '../common/FormDialog';
import { blankToNull } from '../common/forms';
import { labelOr } from '../common/labels';
import { RecordHeader, RecordUnavailable } from '../common/RecordPage';
import { useApiQuery } from '../common/useApiQuery';
import { PrintSuitButton } from '../print/PrintButtons';
import { planLabel, SuitStatusTag, type SuitView } from './parts';

export function SuitRoute() {
  const { id = '' } = useParams();
  return <SuitPage key={id} id={id} />;
}

function SuitPage({ id }: { id: string }) {
  const navigate = useNavigate();
  const { data, error, reload } = useApiQuery('suits.get', { id });
  const [suit, setSuit] = useState<SuitView | null>(null);
  const [dialog, setDialog] = useState<SuitStep | null>(null);
  useEffect(() => {
    if (data) setSuit(data);
  }, [data]);

  if (!suit)
    return (
      <RecordUnavailable
        error={error}
        back={<BackLink to="/suits" label={t('suits.title')} />}
        title={t('suits.page.notFound')}
      />
    );
  const s = suit;
  const actions: ReactNode[] = [];
  if (s.status === 'draft')
    actions.push(
      <Button key="edit" icon={<EditOutlined />} onClick={() => navigate(`/suits/${s.id}/edit`)}>
        {t('suits.page.edit')}
      </Button>,
    );
  // The buttons are the steps SUIT_FLOW allows this user from this status (the API says which).
  for (const step of s.steps)
    actions.push(
      <Button
        key={step}
        type={step === 'withdraw' ? 'default' : 'primary'}
        danger={step === 'withdraw'}
        onClick={() => setDialog(step)}
      >
        {t(`suits.codes.step.${step}`)}
      </Button>,
    );
  if (s.status !== 'withdrawn') actions.push(<PrintSuitButton key="print" suitId={s.id} />);
  const modalProps: Props = { suit: s, onClose: () => setDialog(null), onSaved: setSuit, onConflict: reload };

  return (
    <>
      <RecordHeader
        back={<BackLink to="/suits" label={t('suits.title')} />}
        actionsLabel={t('suits.title')}
        actions={actions}
      >
        <Typography.Title level={4} style={{ margin: 0 }} data-testid="suit-number">
          {s.number ?? `${t('suits.title')} · ${s.child.name}`}
        </Typography.Title>
        <SuitStatusTag status={s.status} testId="suit-status" />
      </RecordHeader>
      {s.order && s.status === 'draft' && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="from-order"
          title={t('suits.page.fromOrderNote', { number: s.order.number ?? t('orders.unnumbered') })}
        />
      )}
      {s.status === 'withdrawn' && (
        <Alert
          type="info"
          showIcon
          title={t('suits.codes.status.withdrawn')}
          description={s.withdrawReason}
          style={{ marginBottom: 16 }}
        />
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Card title={t('suits.page.sectionCase')} size="small">
            <Descriptions column={2} size="small">
              <Descriptions.Item label={t('suits.fields.child')}>
                <Link to={`/children/${s.child.id}`}>{s.child.name}</Link>
              </Descriptions.Item>
              <Descriptions.Item label={t('suits.fields.kind')}>
                {t(`suits.codes.kind.${s.kind}`)}
              </Descriptions.Item>
              <Descriptions.Item label={t('suits.fields.respondents')}>
                {s.respondents
                  .map(
                    (r) => `${r.name}（${labelOr(`codes.relation.${r.relation ?? ''}`, r.relation ?? '')}）`,
                  )
                  .join('、')}
              </Descriptions.Item>
              <Descriptions.Item label={t('suits.fields.order')}>
                {s.order ? (
                  <Link to={`/orders/${s.order.id}`}>{s.order.number ?? t('orders.unnumbered')}</Link>
                ) : (
                  orNone(null)
                )}
              </Descriptions.Item>
              <Descriptions.Item label={t('suits.fields.plan')}>
                {s.planId ? <PlanLink id={s.planId} /> : orNone(null)}
              </Descriptions.Item>
              <Descriptions.Item label={t('suits.fields.applicantKind')}>
                {t(`suits.codes.applicant.${s.applicantKind as 'other'}`)}
              </Descriptions.Item>
              <Descriptions.Item label={t('suits.fields.applicantName')}>
                {orNone(s.applicantName)}
              </Descriptions.Item>
              <Descriptions.Item label={t('suits.fields.grounds')} span={2}>
                <Flex vertical gap={2}>
                  {s.grounds.map((g) => (
                    <span key={g}>{t(`suits.codes.ground.${g}`)}</span>
                  ))}
                  {s.groundsText && <span>{s.groundsText}</span>}
                </Flex>
              </Descriptions.Item>
              <Descriptions.Item label={t('suits.fields.facts')} span={2}>
                <Prose text={s.facts} />
              </Descriptions.Item>
              <Descriptions.Item label={t('suits.fields.documents')} span={2}>
                <Flex gap={6} wrap data-testid="suit-documents">
                  {SUIT_DOCUMENTS.map((d) => (
                    <Tag key={d} color={s.documents.includes(d) ? 'green' : 'default'}>
                      {s.documents.includes(d) ? t('suits.page.ready') : t('suits.page.missing')}{' '}
                      {t(`suits.codes.document.${d}`)}
                    </Tag>
                  ))}
                </Flex>
              </Descriptions.Item>
            </Descriptions>
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card title={t('suits.page.sectionCourt')} size="small">
            <Descriptions column={1} size="small">
              <Descriptions.Item label={t('suits.fields.issueDate')}>{orNone(s.issueDate)}</Descriptions.Item>
              <Descriptions.Item label={t('suits.fields.issuedBy')}>
                {orNone(s.issuedByName)}
              </Descriptions.Item>
              <Descriptions.Item label={t('suits.fields.court')}>{orNone(s.court)}</Descriptions.Item>
              <Descriptions.Item label={t('suits.fields.filedDate')}>{orNone(s.filedDate)}</Descriptions.Item>
              <Descriptions.Item label={t('suits.fields.courtCaseNumber')}>
                {orNone(s.courtCaseNumber)}
              </Descriptions.Item>
              <Descriptions.Item label={t('suits.fields.decision')}>
                {s.decision ? t(`suits.codes.decision.${s.decision}`) : orNone(null)}
              </Descriptions.Item>
              <Descriptions.Item label={t('suits.fields.decisionDate')}>
                {orNone(s.decisionDate)}
              </Descriptions.Item>
              <Descriptions.Item label={t('suits.fields.newGuardianName')}>
                <span data-testid="new-guardian">
                  {s.newGuardianName
                    ? `${s.newGuardianName}（${t(`suits.codes.newGuardian.${s.newGuardianKind as 'other'}`)}）`
                    : t('suits.page.none')}
                </span>
              </Descriptions.Item>
              <Descriptions.Item label={t('suits.fields.decisionNote')}>
                {orNone(s.decisionNote)}
              </Descriptions.Item>
            </Descriptions>
          </Card>
        </Col>
      </Row>
      {dialog === 'issue' && <IssueModal {...modalProps} />}
      {dialog === 'file' && <FileModal {...modalProps} />}
      {dialog === 'decide' && <DecideModal {...modalProps} />}
      {dialog === 'withdraw' && (
        <ReasonModal
          {...modalProps}
          title={t('suits.dialogs.withdrawTitle')}
          warning={t('suits.codes.step.withdraw')}
          label={t('suits.fields.withdrawReason')}
          okText={t('suits.dialogs.confirm')}
          done={t('suits.codes.status.withdrawn')}
          call={(reason) => api('suits.withdraw', { id: s.id, version: s.version, reason })}
        />
      )}
    </>
  );
}

type Props = ModalProps<SuitView> & { suit: SuitView };

function IssueModal({ suit, ...props }: Props) {
  const [form] = Form.useForm<{ issueDate?: string | null }>();
  const call = useCallback(
    (v: { issueDate?: string | null }) =>
      api('suits.issue', { id: suit.id, version: suit.version, issueDate: v.issueDate ?? '' }),
    [suit],
  );
  const { onFinish, submitting, failure } = useModalForm(form, call, props, t('suits.codes.status.issued'));
  return (
    <FormModal
      title={t('suits.dialogs.issueTitle')}
      onClose={props.onClose}
      form={form}
      onFinish={onFinish}
      submitting={submitting}
      failure={failure}
      okText={t('suits.dialogs.confirm')}
      initialValues={{ issueDate: todayText() }}
    >
      <Typography.Paragraph type="secondary">{t('suits.dialogs.issueIntro')}</Typography.Paragraph>
      <Form.Item label={t('suits.fields.issueDate')} name="issueDate" required {...dateItem}>
        <DatePicker format={DATE_FORMAT} disabledDate={afterToday} style={{ width: 200 }} />
      </Form.Item>
    </FormModal>
  );
}

interface FileValues {
  court?: string;
  filedDate?: string | null;
  courtCaseNumber?: string;
}

function FileModal({ suit, ...props }: Props) {
  const [form] = Form.useForm<FileValues>();
  const call = useCallback(
    (v: FileValues) =>
      api('suits.file', {
        id: suit.id,
        version: suit.version,
        court: v.court ?? '',
        filedDate: v.filedDate ?? '',
        courtCaseNumber: v.courtCaseNumber ?? '',
      }),
    [suit],
  );
  const { onFinish, submitting, failure } = useModalForm(form, call, props, t('suits.codes.status.filed'));
  return (
    <FormModal
      title={t('suits.dialogs.fileTitle')}
      onClose={props.onClose}
      form={form}
      onFinish={onFinish}
      submitting={submitting}
      failure={failure}
      okText={t('suits.dialogs.confirm')}
      initialValues={{ filedDate: todayText() }}
    >
      <Form.Item label={t('suits.fields.court')} name="court" required>
        <Input maxLength={60} placeholder={t('suits.form.courtPlaceholder')} />
      </Form.Item>
      <Form.Item label={t('suits.fields.filedDate')} name="filedDate" required {...dateItem}>
        <DatePicker format={DATE_FORMAT} disabledDate={afterToday} style={{ width: 200 }} />
      </Form.Item>
      <Form.Item label={t('suits.fields.courtCaseNumber')} name="courtCaseNumber" required>
        <Input maxLength={60} placeholder={t('suits.form.caseNumberPlaceholder')} />
      </Form.Item>
    </FormModal>
  );
}

interface DecideValues {
  decision?: (typeof SUIT_DECISIONS)[number];
  decisionDate?: string | null;
  newGuardianName?: string | null;
  newGuardianKind?: (typeof NEW_GUARDIAN_KINDS)[number] | null;
  note?: string | null;
}

function DecideModal({ suit, ...props }: Props) {
  const [form] = Form.useForm<DecideValues>();
  const decision = Form.useWatch('decision', form);
  const takesOver = decision === 'revoked' || decision === 'changed';
  const call = useCallback(
    (v: DecideValues) =>
      api('suits.decide', {
        id: suit.id,
        version: suit.version,
        decision: v.decision as NonNullable<DecideValues['decision']>,
        decisionDate: v.decisionDate ?? '',
        newGuardianName: blankToNull(v.newGuardianName),
        newGuardianKind: v.newGuardianKind ?? null,
        note: blankToNull(v.note),
      }),
    [suit],
  );
  const { onFinish, submitting, failure } = useModalForm(form, call, props, t('suits.codes.status.decided'));
  return (
    <FormModal
      title={t('suits.dialogs.decideTitle')}
      onClose={props.onClose}
      form={form}
      onFinish={onFinish}
      submitting={submitting}
      failure={failure}
      okText={t('suits.dialogs.confirm')}
      initialValues={{ decisionDate: todayText() }}
    >
      <Form.Item label={t('suits.fields.decision')} name="decision" required>
        <Select options={SUIT_DECISIONS.map((d) => ({ value: d, label: t(`suits.codes.decision.${d}`) }))} />
      </Form.Item>
      <Form.Item label={t('suits.fields.decisionDate')} name="decisionDate" required {...dateItem}>
        <DatePicker format={DATE_FORMAT} disabledDate={afterToday} style={{ width: 200 }} />
      </Form.Item>
      {takesOver && (
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item label={t('suits.fields.newGuardianName')} name="newGuardianName" required>
              <Input maxLength={60} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item label={t('suits.fields.newGuardianKind')} name="newGuardianKind" required>
              <Select
                options={NEW_GUARDIAN_KINDS.map((k) => ({
                  value: k,
                  label: t(`suits.codes.newGuardian.${k}`),
                }))}
              />
            </Form.Item>
          </Col>
        </Row>
      )}
      <Form.Item label={t('suits.fields.decisionNote')} name="note">
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
    </FormModal>
  );
}

/** The guidance plan the suit came from: its kind and start, linking to the plan. */
function PlanLink({ id }: { id: string }) {
  const { data } = useApiQuery('education.getPlan', { id });
  return (
    <Link to={`/education/plans/${id}`} data-testid="suit-plan">
      {data ? planLabel(data) : t('suits.fields.plan')}
    </Link>
  );
}
