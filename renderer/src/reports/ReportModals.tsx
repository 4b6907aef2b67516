// The report's step dialogs. Each is mounted when it opens and answers with the fresh report.
import { Form, Input } from 'antd';
import { type Catalog, t } from '../../../db/i18n';
import { api } from '../api/client';
import { todayText } from '../common/dates';
import type { ModalProps } from '../common/FormDialog';
import { DateField, TextAreaField } from '../common/fields';
import { ReasonModal, StepModal } from '../common/StepModal';
import type { ReportView } from './parts';

type Props = ModalProps<ReportView> & { report: ReportView };
type Values = Record<string, string | null>;
type DateTextStep = 'action' | 'file' | 'handle' | 'close';
type Field = keyof Catalog['mandatoryReports']['fields'];

/**
 * The steps that record a date and a text (跟进, 立案, 处置, 办结): the two fields' names and
 * labels, and the call that sends them.
 */
const DATE_TEXT: Record<
  DateTextStep,
  {
    title: () => string;
    /** The date's field and its label; the text's field is named as its label. */
    date: [name: string, label: Field];
    text: Field;
    short?: boolean;
    send: (r: ReportView, date: string, text: string) => Promise<ReportView>;
  }
> = {
  action: {
    title: () => t('mandatoryReports.page.addAction'),
    date: ['date', 'actionDate'],
    text: 'action',
    send: (r, date, action) =>
      api('mandatoryReports.addAction', { id: r.id, version: r.version, date, action }),
  },
  file: {
    title: () => t('mandatoryReports.modal.fileTitle'),
    date: ['filedDate', 'filedDate'],
    text: 'policeCaseNumber',
    short: true,
    send: (r, filedDate, policeCaseNumber) =>
      api('mandatoryReports.file', { id: r.id, version: r.version, filedDate, policeCaseNumber }),
  },
  handle: {
    title: () => t('mandatoryReports.modal.handleTitle'),
    date: ['handledDate', 'handledDate'],
    text: 'disposition',
    send: (r, handledDate, disposition) =>
      api('mandatoryReports.handle', { id: r.id, version: r.version, handledDate, disposition }),
  },
  close: {
    title: () => t('mandatoryReports.modal.closeTitle'),
    date: ['closedDate', 'closedDate'],
    text: 'outcome',
    send: (r, closedDate, outcome) =>
      api('mandatoryReports.close', { id: r.id, version: r.version, closedDate, outcome }),
  },
};

const label = (field: Field) => t(`mandatoryReports.fields.${field}`);

export function DateTextModal({ step, report, ...props }: Props & { step: DateTextStep }) {
  const s = DATE_TEXT[step];
  return (
    <StepModal<Values, ReportView>
      {...props}
      title={s.title()}
      okText={t('mandatoryReports.modal.confirm')}
      done={t('mandatoryReports.page.stepDone')}
      call={(v) => s.send(report, v[s.date[0]] ?? '', v[s.text] ?? '')}
      initialValues={{ [s.date[0]]: todayText() }}
    >
      <DateField label={label(s.date[1])} name={s.date[0]} required />
      {s.short ? (
        <Form.Item label={label(s.text)} name={s.text} required>
          <Input maxLength={60} />
        </Form.Item>
      ) : (
        <TextAreaField label={label(s.text)} name={s.text} required rows={4} />
      )}
    </StepModal>
  );
}

export function VoidModal({ report, ...props }: Props) {
  return (
    <ReasonModal
      {...props}
      title={t('mandatoryReports.modal.voidTitle')}
      warning={t('mandatoryReports.modal.voidHint')}
      label={t('mandatoryReports.fields.voidReason')}
      okText={t('mandatoryReports.steps.void')}
      done={t('mandatoryReports.page.stepDone')}
      call={(reason) => api('mandatoryReports.void', { id: report.id, version: report.version, reason })}
    />
  );
}
