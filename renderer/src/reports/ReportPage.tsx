import { EditOutlined } from '@ant-design/icons';
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
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { type ReactNode, useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { stepsFrom } from '../../../db/common/flow';
import { t } from '../../../db/i18n';
import { REPORT_FLOW, type ReportStep } from '../../../db/reports/codes';
import { api, toApiCallError } from '../api/client';
import { formatTime } from '../common/dates';
import { BackLink, orNone, Prose } from '../common/empty';
import { RecordHeader, RecordUnavailable } from '../common/RecordPage';
import { useApiQuery } from '../common/useApiQuery';
import { useSession } from '../session/store';
import { ReportStatusTag, type ReportView } from './parts';
import { ActionModal, CloseModal, FileModal, HandleModal, VoidModal } from './ReportModals';

type Dialog = Exclude<ReportStep, 'verify'> | 'action';

export function ReportRoute() {
  const { id = '' } = useParams();
  return <ReportPage key={id} id={id} />;
}

function ReportPage({ id }: { id: string }) {
  const { message } = App.useApp();
  const navigate = useNavigate();
  const role = useSession((s) => s.user?.role);
  const { data, error, reload } = useApiQuery('mandatoryReports.get', { id });
  const [report, setReport] = useState<ReportView | null>(null);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [verifying, setVerifying] = useState(false);
  const [stepError, setStepError] = useState<string | null>(null);

  useEffect(() => {
    if (data) setReport(data);
  }, [data]);

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

  const verify = async () => {
    setVerifying(true);
    setStepError(null);
    try {
      setReport(await api('mandatoryReports.verify', { id: report.id, version: report.version }));
      message.success(t('mandatoryReports.page.stepDone'));
    } catch (err) {
      const e = toApiCallError(err);
      if (e.code === 'LOCKED') return;
      setStepError(e.message);
      if (e.code === 'CONFLICT' || e.code === 'NOT_FOUND') reload();
    } finally {
      setVerifying(false);
    }
  };

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
        <Button key={step} type="primary" loading={verifying} onClick={() => void verify()}>
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
      {stepError && <Alert type="error" showIcon title={stepError} style={{ marginBottom: 16 }} />}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={15}>
          <Flex vertical gap={16}>
            <Card title={t('mandatoryReports.page.report')} size="small">
              <Descriptions column={{ xs: 1, md: 2 }} size="small">
                <Descriptions.Item label={t('mandatoryReports.fields.reporterUnit')}>
                  {report.reporterUnit}
                </Descriptions.Item>
                <Descriptions.Item label={t('mandatoryReports.fields.reporterKind')}>
                  {t(`mandatoryReports.reporterKinds.${report.reporterKind}`)}
                </Descriptions.Item>
                <Descriptions.Item label={t('mandatoryReports.fields.reporterName')}>
                  {report.reporterName}
                </Descriptions.Item>
                <Descriptions.Item label={t('mandatoryReports.fields.reporterContact')}>
                  {orNone(report.reporterContact)}
                </Descriptions.Item>
                <Descriptions.Item label={t('mandatoryReports.fields.learnedDate')}>
                  {report.learnedDate}
                </Descriptions.Item>
                <Descriptions.Item label={t('mandatoryReports.fields.reportedDate')}>
                  <Flex gap={6} align="center" wrap>
                    {report.reportedDate}
                    <Tag color={report.delayDays > 1 ? 'orange' : 'green'} style={{ marginInlineEnd: 0 }}>
                      {report.delayDays === 0
                        ? t('mandatoryReports.page.sameDay')
                        : t('mandatoryReports.page.delayed', { days: report.delayDays })}
                    </Tag>
                  </Flex>
                </Descriptions.Item>
                <Descriptions.Item label={t('mandatoryReports.fields.policeStation')}>
                  {orNone(report.policeStation)}
                </Descriptions.Item>
                <Descriptions.Item label={t('mandatoryReports.fields.createdBy')}>
                  {orNone(report.createdByName)} {formatTime(report.createdAt)}
                </Descriptions.Item>
                <Descriptions.Item label={t('mandatoryReports.fields.trigger')} span={2}>
                  <span data-testid="report-trigger">{t(`mandatoryReports.triggers.${report.trigger}`)}</span>
                </Descriptions.Item>
                <Descriptions.Item label={t('mandatoryReports.fields.children')} span={2}>
                  <Flex gap={8} wrap>
                    {report.children.map((c) => (
                      <Link key={c.id} to={`/children/${c.id}`}>
                        {c.name}
                      </Link>
                    ))}
                  </Flex>
                </Descriptions.Item>
              </Descriptions>
              <Typography.Text type="secondary">{t('mandatoryReports.fields.situation')}</Typography.Text>
              <Prose text={report.situation} />
            </Card>
            <Card title={t('mandatoryReports.page.handling')} size="small">
              <Descriptions column={{ xs: 1, md: 2 }} size="small">
                <Descriptions.Item label={t('mandatoryReports.fields.policeCaseNumber')}>
                  {orNone(report.policeCaseNumber)}
                </Descriptions.Item>
                <Descriptions.Item label={t('mandatoryReports.fields.filedDate')}>
                  {orNone(report.filedDate)}
                </Descriptions.Item>
                <Descriptions.Item label={t('mandatoryReports.fields.disposition')} span={2}>
                  {orNone(report.disposition)}
                </Descriptions.Item>
                <Descriptions.Item label={t('mandatoryReports.fields.handledDate')}>
                  {orNone(report.handledDate)}
                </Descriptions.Item>
                <Descriptions.Item label={t('mandatoryReports.fields.closedDate')}>
                  {orNone(report.closedDate)}
                </Descriptions.Item>
                <Descriptions.Item label={t('mandatoryReports.fields.outcome')} span={2}>
                  <span data-testid="report-outcome">{orNone(report.outcome)}</span>
                </Descriptions.Item>
                {report.voidReason && (
                  <Descriptions.Item label={t('mandatoryReports.fields.voidReason')} span={2}>
                    {report.voidReason}
                  </Descriptions.Item>
                )}
              </Descriptions>
            </Card>
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
      {dialog === 'action' && <ActionModal {...modalProps} />}
      {dialog === 'file' && <FileModal {...modalProps} />}
      {dialog === 'handle' && <HandleModal {...modalProps} />}
      {dialog === 'close' && <CloseModal {...modalProps} />}
      {dialog === 'void' && <VoidModal {...modalProps} />}
    </>
  );
}
