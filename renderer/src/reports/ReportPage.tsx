import { EditOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Empty, Flex, Row, Tag, Timeline, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { stepsFrom } from '../../../db/common/flow';
import { type Catalog, t } from '../../../db/i18n';
import { REPORT_FLOW, type ReportStep } from '../../../db/reports/codes';
import { api } from '../api/client';
import { formatTime } from '../common/dates';
import { BackLink, orNone, Prose } from '../common/empty';
import { DetailsCard, RecordHeader, RecordUnavailable, useDirectStep, useRecord } from '../common/RecordPage';
import { useSession } from '../session/store';
import { ReportStatusTag, type ReportView } from './parts';
import { DateTextModal, VoidModal } from './ReportModals';

type Dialog = Exclude<ReportStep, 'verify'> | 'action';
const f = (k: keyof Catalog['mandatoryReports']['fields']) => t(`mandatoryReports.fields.${k}`);

export function ReportRoute() {
  const { id = '' } = useParams();
  return <ReportPage key={id} id={id} />;
}

function ReportPage({ id }: { id: string }) {
  const navigate = useNavigate();
  const role = useSession((s) => s.user?.role);
  const { record: report, setRecord: setReport, error, reload } = useRecord('mandatoryReports.get', { id });
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const direct = useDirectStep<ReportView, 'verify'>(setReport, reload);

  if (!report)
    return (
      <RecordUnavailable
        error={error}
        back={<BackLink to="/reports" label={t('mandatoryReports.page.back')} />}
        title={t('mandatoryReports.page.loadFailed')}
      />
    );

  const s = report.status;
  const open = s !== 'closed' && s !== 'voided';
  // The buttons come from the same table the API's guard reads.
  const steps = role ? stepsFrom(REPORT_FLOW, s, role) : [];

  const actions: ReactNode[] = [];
  if (s === 'received' || s === 'verifying')
    actions.push(
      <Button key="edit" icon={<EditOutlined />} onClick={() => navigate(`/reports/${report.id}/edit`)}>
        {t('mandatoryReports.page.edit')}
      </Button>,
    );
  if (open && role !== 'counsellor')
    actions.push(
      <Button key="action" onClick={() => setDialog('action')}>
        {t('mandatoryReports.page.addAction')}
      </Button>,
    );
  for (const step of steps) {
    const label = t(`mandatoryReports.steps.${step}`);
    if (step === 'verify')
      actions.push(
        <Button
          key={step}
          type="primary"
          loading={direct.running === 'verify'}
          onClick={() =>
            void direct.run(
              'verify',
              () => api('mandatoryReports.verify', { id: report.id, version: report.version }),
              t('mandatoryReports.page.stepDone'),
            )
          }
        >
          {label}
        </Button>,
      );
    else
      actions.push(
        <Button
          key={step}
          type={step === 'void' ? 'default' : 'primary'}
          danger={step === 'void'}
          onClick={() => setDialog(step)}
        >
          {label}
        </Button>,
      );
  }

  const modalProps = { report, onClose: () => setDialog(null), onSaved: setReport, onConflict: reload };

  return (
    <>
      <RecordHeader
        back={<BackLink to="/reports" label={t('mandatoryReports.page.back')} />}
        actionsLabel={t('mandatoryReports.title')}
        actions={actions}
      >
        <Typography.Title level={4} style={{ margin: 0 }} data-testid="report-number">
          {report.number}
        </Typography.Title>
        <ReportStatusTag status={s} testId="report-status" />
      </RecordHeader>
      {direct.error && <Alert type="error" showIcon title={direct.error} style={{ marginBottom: 16 }} />}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={15}>
          <Flex vertical gap={16}>
            <DetailsCard
              title={t('mandatoryReports.page.report')}
              column={{ xs: 1, md: 2 }}
              items={[
                { label: f('reporterUnit'), value: report.reporterUnit },
                {
                  label: f('reporterKind'),
                  value: t(`mandatoryReports.reporterKinds.${report.reporterKind}`),
                },
                { label: f('reporterName'), value: report.reporterName },
                { label: f('reporterContact'), value: orNone(report.reporterContact) },
                { label: f('learnedDate'), value: report.learnedDate },
                {
                  label: f('reportedDate'),
                  value: (
                    <Flex gap={6} align="center" wrap>
                      {report.reportedDate}
                      <Tag color={report.delayDays > 1 ? 'orange' : 'green'} style={{ marginInlineEnd: 0 }}>
                        {report.delayDays === 0
                          ? t('mandatoryReports.page.sameDay')
                          : t('mandatoryReports.page.delayed', { days: report.delayDays })}
                      </Tag>
                    </Flex>
                  ),
                },
                { label: f('policeStation'), value: orNone(report.policeStation) },
                {
                  label: f('createdBy'),
                  value: (
                    <>
                      {orNone(report.createdByName)} {formatTime(report.createdAt)}
                    </>
                  ),
                },
                {
                  label: f('trigger'),
                  span: 2,
                  value: (
                    <span data-testid="report-trigger">
                      {t(`mandatoryReports.triggers.${report.trigger}`)}
                    </span>
                  ),
                },
                {
                  label: f('children'),
                  span: 2,
                  value: (
                    <Flex gap={8} wrap>
                      {report.children.map((c) => (
                        <Link key={c.id} to={`/children/${c.id}`}>
                          {c.name}
                        </Link>
                      ))}
                    </Flex>
                  ),
                },
              ]}
            >
              <Typography.Text type="secondary">{f('situation')}</Typography.Text>
              <Prose text={report.situation} />
            </DetailsCard>
            <DetailsCard
              title={t('mandatoryReports.page.handling')}
              column={{ xs: 1, md: 2 }}
              items={[
                { label: f('policeCaseNumber'), value: orNone(report.policeCaseNumber) },
                { label: f('filedDate'), value: orNone(report.filedDate) },
                { label: f('disposition'), value: orNone(report.disposition), span: 2 },
                { label: f('handledDate'), value: orNone(report.handledDate) },
                { label: f('closedDate'), value: orNone(report.closedDate) },
                {
                  label: f('outcome'),
                  span: 2,
                  value: <span data-testid="report-outcome">{orNone(report.outcome)}</span>,
                },
                !!report.voidReason && { label: f('voidReason'), value: report.voidReason, span: 2 },
              ]}
            />
          </Flex>
        </Col>
        <Col xs={24} lg={9}>
          <Card title={t('mandatoryReports.page.actions')} size="small">
            {report.actions.length === 0 ? (
              <Empty
                image={Empty.PRESENTED_IMAGE_SIMPLE}
                description={t('mandatoryReports.page.noActions')}
              />
            ) : (
              <Timeline
                items={report.actions.map((a) => ({
                  key: a.id,
                  content: (
                    <>
                      <Typography.Text strong>{a.date}</Typography.Text>{' '}
                      <Typography.Text type="secondary">{a.byName}</Typography.Text>
                      <Prose text={a.action} />
                    </>
                  ),
                }))}
              />
            )}
          </Card>
        </Col>
      </Row>
      {dialog === 'void' && <VoidModal {...modalProps} />}
      {dialog && dialog !== 'void' && <DateTextModal key={dialog} step={dialog} {...modalProps} />}
    </>
  );
}
