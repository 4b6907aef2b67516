// The report's step dialogs. Each is mounted when it opens and answers with the fresh report.
import { DatePicker, Form, Input } from 'antd';
import { useCallback } from 'react';
import { t } from '../../../db/i18n';
import { api } from '../api/client';
import { afterToday, DATE_FORMAT, dateItem, todayText } from '../common/dates';
import { FormModal, type ModalProps, ReasonModal, useModalForm } from '../common/FormDialog';
import type { ReportView } from './parts';

type Props = ModalProps<ReportView> & { report: ReportView };

/** One dialog shape for the steps that record a date and a text: 立案, 处置, 办结, 跟进. */
function DateTextModal({
  report,
  title,
  dateName,
  dateLabel,
  textName,
  textLabel,
  short,
  submit,
  ...props
}: Props & {
  title: string;
  dateName: string;
  dateLabel: string;
  textName: string;
  textLabel: string;
  short?: boolean;
  submit: (v: Record<string, string | null>) => Promise<ReportView>;
}) {
  const [form] = Form.useForm<Record<string, string | null>>();
  const { onFinish, submitting, failure } = useModalForm(
    form,
    submit,
    props,
    t('mandatoryReports.page.stepDone'),
  );
  return (
    <FormModal
      title={title}
      onClose={props.onClose}
      form={form}
      onFinish={onFinish}
      submitting={submitting}
      failure={failure}
      okText={t('mandatoryReports.modal.confirm')}
      initialValues={{ [dateName]: todayText() }}
    >
      <Form.Item label={dateLabel} name={dateName} required {...dateItem}>
        <DatePicker format={DATE_FORMAT} disabledDate={afterToday} style={{ width: 200 }} />
      </Form.Item>
      <Form.Item label={textLabel} name={textName} required>
        {short ? <Input maxLength={60} /> : <Input.TextArea rows={4} maxLength={2000} />}
      </Form.Item>
    </FormModal>
  );
}

export function ActionModal(props: Props) {
  const { report } = props;
  const submit = useCallback(
    (v: Record<string, string | null>) =>
      api('mandatoryReports.addAction', {
        id: report.id,
        version: report.version,
        date: v.date ?? '',
        action: v.action ?? '',
      }),
    [report],
  );
  return (
    <DateTextModal
      {...props}
      title={t('mandatoryReports.page.addAction')}
      dateName="date"
      dateLabel={t('mandatoryReports.fields.actionDate')}
      textName="action"
      textLabel={t('mandatoryReports.fields.action')}
      submit={submit}
    />
  );
}

export function FileModal(props: Props) {
  const { report } = props;
  const submit = useCallback(
    (v: Record<string, string | null>) =>
      api('mandatoryReports.file', {
        id: report.id,
        version: report.version,
        filedDate: v.filedDate ?? '',
        policeCaseNumber: v.policeCaseNumber ?? '',
      }),
    [report],
  );
  return (
    <DateTextModal
      {...props}
      title={t('mandatoryReports.modal.fileTitle')}
      dateName="filedDate"
      dateLabel={t('mandatoryReports.fields.filedDate')}
      textName="policeCaseNumber"
      textLabel={t('mandatoryReports.fields.policeCaseNumber')}
      short
      submit={submit}
    />
  );
}

export function HandleModal(props: Props) {
  const { report } = props;
  const submit = useCallback(
    (v: Record<string, string | null>) =>
      api('mandatoryReports.handle', {
        id: report.id,
        version: report.version,
        handledDate: v.handledDate ?? '',
        disposition: v.disposition ?? '',
      }),
    [report],
  );
  return (
    <DateTextModal
      {...props}
      title={t('mandatoryReports.modal.handleTitle')}
      dateName="handledDate"
      dateLabel={t('mandatoryReports.fields.handledDate')}
      textName="disposition"
      textLabel={t('mandatoryReports.fields.disposition')}
      submit={submit}
    />
  );
}

export function CloseModal(props: Props) {
  const { report } = props;
  const submit = useCallback(
    (v: Record<string, string | null>) =>
      api('mandatoryReports.close', {
        id: report.id,
        version: report.version,
        closedDate: v.closedDate ?? '',
        outcome: v.outcome ?? '',
      }),
    [report],
  );
  return (
    <DateTextModal
      {...props}
      title={t('mandatoryReports.modal.closeTitle')}
      dateName="closedDate"
      dateLabel={t('mandatoryReports.fields.closedDate')}
      textName="outcome"
      textLabel={t('mandatoryReports.fields.outcome')}
      submit={submit}
    />
  );
}

export function VoidModal({ report, ...props }: Props) {
  const call = useCallback(
    (reason: string) => api('mandatoryReports.void', { id: report.id, version: report.version, reason }),
    [report],
  );
  return (
    <ReasonModal
      {...props}
      title={t('mandatoryReports.modal.voidTitle')}
      warning={t('mandatoryReports.modal.voidHint')}
      label={t('mandatoryReports.fields.voidReason')}
      okText={t('mandatoryReports.steps.void')}
      done={t('mandatoryReports.page.stepDone')}
      call={call}
    />
  );
}
