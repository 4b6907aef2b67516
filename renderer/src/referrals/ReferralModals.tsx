import { Col, DatePicker, Form, Input, Row, Select } from 'antd';
import { useCallback, useMemo } from 'react';
import { type WorkdayCounter, workdayCounter } from '../../../db/calendar/workdays';
import { addMonths } from '../../../db/children/guardianship';
import { t } from '../../../db/i18n';
import { LEAD_REPLY_WORKDAYS } from '../../../db/referrals/codes';
import { ApiCallError, api, toApiCallError } from '../api/client';
import { DATE_FORMAT, todayText } from '../common/dates';
import { FieldRow } from '../common/fields';
import { blankToNull } from '../common/forms';
import { SaveModal } from '../common/StepModal';
import { useApiQuery } from '../common/useApiQuery';
import { ChildEntryFields, type ChildEntryValues, toNamedChild } from './ChildEntryFields';
import {
  asOptions,
  CaseNumberField,
  carrierOptions,
  DepartmentField,
  dateItem,
  PastDayField,
  ReceivedDateField,
  SummaryField,
  UrgencyField,
  useReferralLists,
} from './shared';
import type { ActionView, Carrier, ReferralView } from './types';

/** Each dialog is mounted when it opens, so every opening starts from its initial values. */
interface ModalProps {
  onClose: () => void;
  onSaved: (view: ReferralView) => void;
}

/** On success the dialog closes and the page gets the fresh referral. */
function closing({ onClose, onSaved }: ModalProps) {
  return {
    onClose,
    onSaved: (view: ReferralView) => {
      onSaved(view);
      onClose();
    },
  };
}

/** What an empty 回复期限 becomes. A preview only: the API sets the real date (defaultReplyDue). */
function defaultReplyDue(workdays: WorkdayCounter, carrier: Carrier, sentDate: string) {
  if (carrier === 'procuratorialAdvice') return { date: addMonths(sentDate, 1), approximate: false };
  return workdays.addWorkdays(sentDate, LEAD_REPLY_WORKDAYS);
}

interface ActionValues {
  agency: string;
  carrier: Carrier;
  sentDate: string;
  replyDue?: string;
  followUpNote?: string;
}

/** 添加分流 and 编辑: one agency, how the lead went there, and when a reply is due. */
export function ActionFormModal({
  referral,
  action,
  ...props
}: ModalProps & { referral: ReferralView; action: ActionView | null }) {
  const [form] = Form.useForm<ActionValues>();
  const { agencies } = useReferralLists();
  const carrier = Form.useWatch('carrier', form);
  const sentDate = Form.useWatch('sentDate', form);
  const replyDue = Form.useWatch('replyDue', form);

  const call = useCallback(
    (v: ActionValues) => {
      const fields = {
        agency: v.agency,
        carrier: v.carrier,
        sentDate: v.sentDate,
        replyDue: v.replyDue || null,
        followUpNote: blankToNull(v.followUpNote),
      };
      return action
        ? api('referrals.updateAction', { id: action.id, version: action.version, ...fields })
        : api('referrals.addAction', { referralId: referral.id, ...fields });
    },
    [action, referral.id],
  );
  const success = useCallback(
    (_: ReferralView, v: ActionValues) =>
      action ? t('referrals.actionEdit.done') : t('referrals.actionAdd.done', { agency: v.agency }),
    [action],
  );

  // The studio's calendar (settings → 节假日安排), counted the way the core counts it.
  const { data: calendar } = useApiQuery('calendar.get', {});
  const workdays = useMemo(() => (calendar ? workdayCounter(calendar) : null), [calendar]);
  const preview =
    workdays && carrier && sentDate && !replyDue ? defaultReplyDue(workdays, carrier, sentDate) : null;

  return (
    <SaveModal
      title={action ? t('referrals.actionEdit.title') : t('referrals.actionAdd.title')}
      {...closing(props)}
      form={form}
      call={call}
      successMessage={success}
      okText={action ? t('app.common.save') : t('referrals.actionAdd.submit')}
      initialValues={
        action
          ? {
              agency: action.agency,
              carrier: action.carrier,
              sentDate: action.sentDate,
              replyDue: action.replyDue,
              followUpNote: action.followUpNote ?? undefined,
            }
          : { sentDate: todayText() }
      }
    >
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item
            label={t('referrals.actions.agency')}
            name="agency"
            rules={[{ required: true, message: t('validation.referral.agencyRequired') }]}
          >
            <Select options={asOptions(agencies)} placeholder={t('referrals.actions.agencyPlaceholder')} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item
            label={t('referrals.actions.carrier')}
            name="carrier"
            rules={[{ required: true, message: t('validation.referral.carrierRequired') }]}
          >
            <Select options={carrierOptions()} placeholder={t('referrals.actions.carrierPlaceholder')} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item
            label={t('referrals.actions.sentDate')}
            name="sentDate"
            rules={[{ required: true, message: t('validation.referral.sentRequired') }]}
            {...dateItem}
          >
            <DatePicker format={DATE_FORMAT} allowClear={false} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item
            label={t('referrals.actions.replyDue')}
            name="replyDue"
            {...dateItem}
            extra={
              preview
                ? `${t('referrals.actions.replyDueDefault', {
                    date: preview.date,
                    rule:
                      carrier === 'procuratorialAdvice'
                        ? t('referrals.actions.replyDueRuleAdvice')
                        : t('referrals.actions.replyDueRuleLead'),
                  })}${preview.approximate ? t('referrals.actions.replyDueApproximate') : ''}`
                : replyDue
                  ? undefined
                  : t('referrals.actions.replyDueHint')
            }
          >
            <DatePicker
              format={DATE_FORMAT}
              placeholder={t('referrals.intake.optional')}
              style={{ width: '100%' }}
            />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item label={t('referrals.actions.followUpNote')} name="followUpNote">
        <Input.TextArea rows={2} maxLength={1000} placeholder={t('referrals.actions.notePlaceholder')} />
      </Form.Item>
    </SaveModal>
  );
}

interface ReplyValues {
  replyDate: string;
  result: string;
  followUpNote?: string;
}

/** 记录回复: the agency's answer closes its reply deadline. */
export function ReplyModal({ action, ...props }: ModalProps & { action: ActionView }) {
  const [form] = Form.useForm<ReplyValues>();
  const call = useCallback(
    (v: ReplyValues) =>
      api('referrals.recordReply', {
        id: action.id,
        version: action.version,
        replyDate: v.replyDate,
        result: v.result,
        followUpNote: blankToNull(v.followUpNote),
      }),
    [action],
  );
  const success = useCallback(() => t('referrals.reply.done', { agency: action.agency }), [action]);
  return (
    <SaveModal
      title={t('referrals.reply.title', { agency: action.agency })}
      initialValues={{
        replyDate: action.replyDate ?? todayText(),
        result: action.result ?? undefined,
        followUpNote: action.followUpNote ?? undefined,
      }}
      {...closing(props)}
      form={form}
      call={call}
      successMessage={success}
    >
      <PastDayField
        label={t('referrals.actions.replyDate')}
        name="replyDate"
        required={t('errors.required')}
        width={200}
      />
      <Form.Item
        label={t('referrals.actions.result')}
        name="result"
        rules={[{ required: true, whitespace: true, message: t('validation.referral.resultRequired') }]}
      >
        <Input.TextArea rows={3} maxLength={1000} placeholder={t('referrals.reply.resultPlaceholder')} />
      </Form.Item>
      <Form.Item label={t('referrals.actions.followUpNote')} name="followUpNote">
        <Input.TextArea rows={2} maxLength={1000} placeholder={t('referrals.actions.notePlaceholder')} />
      </Form.Item>
    </SaveModal>
  );
}

/** 撤回: the lead went to the wrong place, or is handled elsewhere; the reason stays on record. */
export function WithdrawModal({ action, ...props }: ModalProps & { action: ActionView }) {
  const [form] = Form.useForm<{ reason: string }>();
  const call = useCallback(
    (v: { reason: string }) =>
      api('referrals.withdrawAction', { id: action.id, version: action.version, reason: v.reason }),
    [action],
  );
  const success = useCallback(() => t('referrals.withdraw.done', { agency: action.agency }), [action]);
  return (
    <SaveModal
      title={t('referrals.withdraw.title', { agency: action.agency })}
      {...closing(props)}
      form={form}
      call={call}
      successMessage={success}
      okText={t('referrals.withdraw.submit')}
      danger
    >
      <Form.Item
        label={t('referrals.withdraw.reason')}
        name="reason"
        rules={[
          { required: true, whitespace: true, message: t('validation.referral.withdrawReasonRequired') },
        ]}
      >
        <Input.TextArea rows={3} maxLength={500} placeholder={t('referrals.withdraw.reasonPlaceholder')} />
      </Form.Item>
    </SaveModal>
  );
}

interface EditValues {
  sourceDepartment: string;
  sourceCaseNumber?: string;
  receivedDate: string;
  urgency: 'normal' | 'urgent';
  summary?: string;
}

/** 修改: the intake's own fields; children and persons are added from the page. */
export function EditReferralModal({ referral, ...props }: ModalProps & { referral: ReferralView }) {
  const [form] = Form.useForm<EditValues>();
  const { departments } = useReferralLists();
  const call = useCallback(
    (v: EditValues) =>
      api('referrals.update', {
        id: referral.id,
        version: referral.version,
        sourceDepartment: v.sourceDepartment,
        sourceCaseNumber: blankToNull(v.sourceCaseNumber),
        receivedDate: v.receivedDate,
        urgency: v.urgency,
        summary: blankToNull(v.summary),
      }),
    [referral],
  );
  const success = useCallback(() => t('referrals.edit.done'), []);
  // Departments removed from the settings since stay choosable for the referral that has one.
  const options = departments.includes(referral.sourceDepartment)
    ? departments
    : [referral.sourceDepartment, ...departments];
  return (
    <SaveModal
      title={t('referrals.edit.title')}
      {...closing(props)}
      form={form}
      call={call}
      successMessage={success}
      width={640}
      initialValues={{
        sourceDepartment: referral.sourceDepartment,
        sourceCaseNumber: referral.sourceCaseNumber ?? undefined,
        receivedDate: referral.receivedDate,
        urgency: referral.urgency,
        summary: referral.summary ?? undefined,
      }}
    >
      <FieldRow>
        <DepartmentField options={options} />
        <CaseNumberField />
        <ReceivedDateField />
        <UrgencyField />
      </FieldRow>
      <SummaryField />
    </SaveModal>
  );
}

const CHILD_FIELDS = new Set(['name', 'gender', 'birthDate', 'idNumber', 'township', 'village', 'school']);

/** 关联儿童: a child the referral did not name at intake, on file or registered here. */
export function LinkChildModal({ referral, ...props }: ModalProps & { referral: ReferralView }) {
  const [form] = Form.useForm<ChildEntryValues>();
  const call = useCallback(
    async (v: ChildEntryValues) => {
      try {
        return await api('referrals.linkChild', { id: referral.id, ...toNamedChild(v) });
      } catch (err) {
        // The registration rules answer with the child's own field names (idNumber, not
        // child.idNumber); put them under the sub-form's names so they land on their fields.
        const e = toApiCallError(err);
        if (v.mode !== 'new' || !e.fields) throw e;
        const fields = Object.fromEntries(
          Object.entries(e.fields).map(([k, m]) => [CHILD_FIELDS.has(k) ? `child.${k}` : k, m]),
        );
        throw new ApiCallError({ code: e.code, message: e.message, fields });
      }
    },
    [referral.id],
  );
  const success = useCallback(
    (view: ReferralView) => {
      const before = new Set(referral.children.map((c) => c.id));
      const added = view.children.find((c) => !before.has(c.id));
      return t('referrals.link.done', { name: added?.name ?? '' });
    },
    [referral.children],
  );
  return (
    <SaveModal
      title={t('referrals.link.title')}
      {...closing(props)}
      form={form}
      call={call}
      successMessage={success}
      okText={t('referrals.link.submit')}
      width={820}
      initialValues={{ mode: 'existing' }}
    >
      <ChildEntryFields name={[]} path={[]} linkedIds={referral.children.map((c) => c.id)} />
    </SaveModal>
  );
}
