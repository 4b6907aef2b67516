import { EditOutlined } from '@ant-design/icons';
import { Button, Col, Flex, Form, Row, Select, Tag, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { type Catalog, t } from '../../../db/i18n';
import { NEW_GUARDIAN_KINDS, SUIT_DECISIONS, SUIT_DOCUMENTS, type SuitStep } from '../../../db/suits/codes';
import { api } from '../api/client';
import { todayText } from '../common/dates';
import { orNone, Prose } from '../common/empty';
import type { ModalProps } from '../common/FormDialog';
import { DateField, fieldsIn, TextAreaField, TextField } from '../common/fields';
import { blankToNull } from '../common/forms';
import { labelOr } from '../common/labels';
import { DetailsCard, RecordHeader, RecordNote, stepButtons, useRecordPage } from '../common/RecordPage';
import { ReasonModal, StepModal } from '../common/StepModal';
import { useApiQuery } from '../common/useApiQuery';
import { PrintSuitButton } from '../print/PrintButtons';
import { planLabel, SuitStatusTag, type SuitView } from './parts';

export function SuitRoute() {
  const { id = '' } = useParams();
  return <SuitPage key={id} id={id} />;
}

function SuitPage({ id }: { id: string }) {
  const navigate = useNavigate();
  const page = useRecordPage('suits.get', id, '/suits');
  const { record: s, setRecord, reload, back } = page;
  const [dialog, setDialog] = useState<SuitStep | null>(null);

  if (!s) return page.unavailable;
  const actions: ReactNode[] = [];
  if (s.status === 'draft')
    actions.push(
      <Button key="edit" icon={<EditOutlined />} onClick={() => navigate(`/suits/${s.id}/edit`)}>
        {t('suits.page.edit')}
      </Button>,
    );
  actions.push(
    ...stepButtons(s.steps, {
      label: (step) => t(`suits.codes.step.${step}`),
      onClick: setDialog,
      primary: (step) => step !== 'withdraw',
      danger: (step) => step === 'withdraw',
    }),
  );
  if (s.status !== 'withdrawn') actions.push(<PrintSuitButton key="print" suitId={s.id} />);
  const modalProps: Props = {
    suit: s,
    onClose: () => setDialog(null),
    onSaved: setRecord,
    onConflict: reload,
  };

  return (
    <>
      <RecordHeader back={back} actionsLabel={t('suits.title')} actions={actions}>
        <Typography.Title level={4} style={{ margin: 0 }} data-testid="suit-number">
          {s.number ?? `${t('suits.title')} · ${s.child.name}`}
        </Typography.Title>
        <SuitStatusTag status={s.status} testId="suit-status" />
      </RecordHeader>
      {s.order && s.status === 'draft' && (
        <RecordNote
          testId="from-order"
          title={t('suits.page.fromOrderNote', { number: s.order.number ?? t('orders.unnumbered') })}
        />
      )}
      {s.status === 'withdrawn' && (
        <RecordNote title={t('suits.codes.status.withdrawn')} description={s.withdrawReason} />
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <DetailsCard
            title={t('suits.page.sectionCase')}
            column={2}
            items={[
              { label: f('child'), value: <Link to={`/children/${s.child.id}`}>{s.child.name}</Link> },
              { label: f('kind'), value: t(`suits.codes.kind.${s.kind}`) },
              {
                label: f('respondents'),
                value: s.respondents
                  .map(
                    (r) => `${r.name}（${labelOr(`codes.relation.${r.relation ?? ''}`, r.relation ?? '')}）`,
                  )
                  .join('、'),
              },
              {
                label: f('order'),
                value: s.order ? (
                  <Link to={`/orders/${s.order.id}`}>{s.order.number ?? t('orders.unnumbered')}</Link>
                ) : (
                  orNone(null)
                ),
              },
              { label: f('plan'), value: s.planId ? <PlanLink id={s.planId} /> : orNone(null) },
              { label: f('applicantKind'), value: t(`suits.codes.applicant.${s.applicantKind as 'other'}`) },
              { label: f('applicantName'), value: orNone(s.applicantName) },
              {
                label: f('grounds'),
                span: 2,
                value: (
                  <Flex vertical gap={2}>
                    {s.grounds.map((g) => (
                      <span key={g}>{t(`suits.codes.ground.${g}`)}</span>
                    ))}
                    {s.groundsText && <span>{s.groundsText}</span>}
                  </Flex>
                ),
              },
              { label: f('facts'), value: <Prose text={s.facts} />, span: 2 },
              {
                label: f('documents'),
                span: 2,
                value: (
                  <Flex gap={6} wrap data-testid="suit-documents">
                    {SUIT_DOCUMENTS.map((d) => (
                      <Tag key={d} color={s.documents.includes(d) ? 'green' : 'default'}>
                        {s.documents.includes(d) ? t('suits.page.ready') : t('suits.page.missing')}{' '}
                        {t(`suits.codes.document.${d}`)}
                      </Tag>
                    ))}
                  </Flex>
                ),
              },
            ]}
          />
        </Col>
        <Col xs={24} xl={10}>
          <DetailsCard
            title={t('suits.page.sectionCourt')}
            items={[
              { label: f('issueDate'), value: orNone(s.issueDate) },
              { label: f('issuedBy'), value: orNone(s.issuedByName) },
              { label: f('court'), value: orNone(s.court) },
              { label: f('filedDate'), value: orNone(s.filedDate) },
              { label: f('courtCaseNumber'), value: orNone(s.courtCaseNumber) },
              {
                label: f('decision'),
                value: s.decision ? t(`suits.codes.decision.${s.decision}`) : orNone(null),
              },
              { label: f('decisionDate'), value: orNone(s.decisionDate) },
              {
                label: f('newGuardianName'),
                value: (
                  <span data-testid="new-guardian">
                    {s.newGuardianName
                      ? `${s.newGuardianName}（${t(`suits.codes.newGuardian.${s.newGuardianKind as 'other'}`)}）`
                      : t('suits.page.none')}
                  </span>
                ),
              },
              { label: f('decisionNote'), value: orNone(s.decisionNote) },
            ]}
          />
        </Col>
      </Row>
      {dialog === 'issue' && <IssueModal {...modalProps} />}
      {dialog === 'file' && <FileModal {...modalProps} />}
      {dialog === 'decide' && <DecideModal {...modalProps} />}
      {dialog === 'withdraw' && (
        <ReasonModal
          {...modalProps}
          {...step('withdrawTitle', 'withdrawn')}
          warning={t('suits.codes.step.withdraw')}
          label={f('withdrawReason')}
          call={(reason) => api('suits.withdraw', { id: s.id, version: s.version, reason })}
        />
      )}
    </>
  );
}

type FieldKey = keyof Catalog['suits']['fields'];
const f = (k: FieldKey) => t(`suits.fields.${k}`);
const field = fieldsIn(f);

type Props = ModalProps<SuitView> & { suit: SuitView };

/** What every step's dialog shares: its title, the confirm button and the toast (the status reached). */
const step = (
  title: 'issueTitle' | 'fileTitle' | 'decideTitle' | 'withdrawTitle',
  reached: 'issued' | 'filed' | 'decided' | 'withdrawn',
) => ({
  title: t(`suits.dialogs.${title}`),
  okText: t('suits.dialogs.confirm'),
  done: t(`suits.codes.status.${reached}`),
});

function IssueModal({ suit, ...props }: Props) {
  return (
    <StepModal<{ issueDate?: string | null }, SuitView>
      {...props}
      {...step('issueTitle', 'issued')}
      call={(v) => api('suits.issue', { id: suit.id, version: suit.version, issueDate: v.issueDate ?? '' })}
      initialValues={{ issueDate: todayText() }}
    >
      <Typography.Paragraph type="secondary">{t('suits.dialogs.issueIntro')}</Typography.Paragraph>
      <DateField {...field('issueDate')} required />
    </StepModal>
  );
}

interface FileValues {
  court?: string;
  filedDate?: string | null;
  courtCaseNumber?: string;
}

function FileModal({ suit, ...props }: Props) {
  return (
    <StepModal<FileValues, SuitView>
      {...props}
      {...step('fileTitle', 'filed')}
      call={(v) =>
        api('suits.file', {
          id: suit.id,
          version: suit.version,
          court: v.court ?? '',
          filedDate: v.filedDate ?? '',
          courtCaseNumber: v.courtCaseNumber ?? '',
        })
      }
      initialValues={{ filedDate: todayText() }}
    >
      <TextField {...field('court')} required maxLength={60} placeholder={t('suits.form.courtPlaceholder')} />
      <DateField {...field('filedDate')} required />
      <TextField
        {...field('courtCaseNumber')}
        required
        maxLength={60}
        placeholder={t('suits.form.caseNumberPlaceholder')}
      />
    </StepModal>
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
  return (
    <StepModal<DecideValues, SuitView>
      {...props}
      {...step('decideTitle', 'decided')}
      form={form}
      call={(v) =>
        api('suits.decide', {
          id: suit.id,
          version: suit.version,
          decision: v.decision as NonNullable<DecideValues['decision']>,
          decisionDate: v.decisionDate ?? '',
          newGuardianName: blankToNull(v.newGuardianName),
          newGuardianKind: v.newGuardianKind ?? null,
          note: blankToNull(v.note),
        })
      }
      initialValues={{ decisionDate: todayText() }}
    >
      <Form.Item {...field('decision')} required>
        <Select options={SUIT_DECISIONS.map((d) => ({ value: d, label: t(`suits.codes.decision.${d}`) }))} />
      </Form.Item>
      <DateField {...field('decisionDate')} required />
      {takesOver && (
        <Row gutter={16}>
          <Col span={12}>
            <TextField {...field('newGuardianName')} required maxLength={60} />
          </Col>
          <Col span={12}>
            <Form.Item {...field('newGuardianKind')} required>
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
      <TextAreaField label={f('decisionNote')} name="note" />
    </StepModal>
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
