import { DatePicker, Form, Input, Radio, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { t } from '../../../db/i18n';
import { CARRIERS, REFERRAL_STATUSES, URGENCIES } from '../../../db/referrals/codes';
import { DATE_FORMAT } from '../common/dates';
import { ButtonChoiceField, SelectField, TextAreaField } from '../common/fields';
import { RemoteSelect } from '../common/RemoteSelect';
import { statusTag } from '../common/StatusTag';
import { useApiQuery } from '../common/useApiQuery';
import type { Picked, ReferralStatus } from './types';

/** The source's own case number, as the intake and its correction ask it. */
export function CaseNumberField() {
  return (
    <Form.Item label={t('referrals.fields.sourceCaseNumber')} name="sourceCaseNumber">
      <Input placeholder={t('referrals.intake.caseNumberPlaceholder')} maxLength={60} />
    </Form.Item>
  );
}

/** The department that sent the referral, from the studio's list. */
export function DepartmentField({ options, placeholder }: { options: string[]; placeholder?: string }) {
  return (
    <SelectField
      label={t('referrals.fields.sourceDepartment')}
      name="sourceDepartment"
      requiredMessage={t('validation.referral.departmentRequired')}
      options={asOptions(options)}
      placeholder={placeholder}
    />
  );
}

export function UrgencyField() {
  return (
    <ButtonChoiceField label={t('referrals.fields.urgency')} name="urgency" options={urgencyOptions()} />
  );
}

/** What the referral says, as the source wrote it (up to 2,000 characters). */
export function SummaryField({ placeholder, last }: { placeholder?: string; last?: boolean }) {
  return (
    <TextAreaField
      label={t('referrals.fields.summary')}
      name="summary"
      rows={4}
      count={2000}
      placeholder={placeholder}
      style={last ? { marginBottom: 0 } : undefined}
    />
  );
}

/** A day that has happened (received, replied): required, not after today, never cleared. */
export function PastDayField({
  label,
  name,
  required,
  width = '100%',
}: {
  label: string;
  name: string;
  /** What it says when left empty. */
  required: string;
  width?: number | string;
}) {
  return (
    <Form.Item label={label} name={name} rules={[{ required: true, message: required }]} {...dateItem}>
      <DatePicker
        format={DATE_FORMAT}
        allowClear={false}
        disabledDate={(d) => d.isAfter(dayjs(), 'day')}
        style={{ width }}
      />
    </Form.Item>
  );
}

/** The day the referral came in. */
export function ReceivedDateField() {
  return (
    <PastDayField
      label={t('referrals.fields.receivedDate')}
      name="receivedDate"
      required={t('validation.referral.receivedRequired')}
    />
  );
}

/** The people a referral names (the child, the detained adult): picked from the register or entered anew. */
type EntryTexts = 'referrals.child' | 'referrals.detained';

/** Whether the person is picked from those already registered or entered anew; `modes` in the order shown. */
export function EntryModeField({
  name,
  texts,
  modes,
}: {
  name: (string | number)[];
  texts: EntryTexts;
  modes: readonly ('existing' | 'new')[];
}) {
  return (
    <Form.Item name={[...name, 'mode']} style={{ marginBottom: 12 }}>
      <Radio.Group
        aria-label={t(`${texts}.modeLabel`)}
        optionType="button"
        options={modes.map((m) => ({
          value: m,
          label: t(`${texts}.${m === 'new' ? 'create' : 'existing'}`),
        }))}
      />
    </Form.Item>
  );
}

/** The registered person, searched for as the caseworker types. */
export function ExistingEntryField({
  name,
  texts,
  search,
  typeToSearch,
}: {
  name: (string | number)[];
  texts: EntryTexts;
  search: (query: string) => Promise<Picked[]>;
  typeToSearch: string;
}) {
  return (
    <Form.Item
      name={name}
      label={t(`${texts}.pickLabel`)}
      rules={[{ required: true, message: t(`${texts}.pickRequired`) }]}
    >
      <RemoteSelect
        search={search}
        placeholder={t(`${texts}.pickPlaceholder`)}
        typeToSearch={typeToSearch}
        noMatch={t(`${texts}.noMatch`)}
      />
    </Form.Item>
  );
}

/**
 * Form.Item props for a DatePicker as common/dates' dateItem, but a cleared picker leaves the
 * field undefined: the referral inputs omit an unknown date rather than send null.
 */
export const dateItem = {
  getValueProps: (v?: string | null) => ({ value: v ? dayjs(v, DATE_FORMAT) : null }),
  normalize: (d: Dayjs | null) => (d ? d.format(DATE_FORMAT) : undefined),
};

export const STATUS_COLOR: Record<ReferralStatus, string> = {
  received: 'blue',
  verifying: 'gold',
  triaged: 'cyan',
  tracking: 'purple',
  closed: 'green',
};

export const StatusTag = statusTag(STATUS_COLOR, (s: ReferralStatus) => t(`codes.referralStatus.${s}`));

export function UrgentTag() {
  return (
    <Tag color="orange" style={{ marginInlineEnd: 0 }}>
      {t('referrals.tags.urgent')}
    </Tag>
  );
}

export function OverdueTag({ label = t('referrals.tags.overdue') }: { label?: string }) {
  return (
    <Tag color="red" variant="solid" style={{ marginInlineEnd: 0 }}>
      {label}
    </Tag>
  );
}

export const statusOptions = () =>
  REFERRAL_STATUSES.map((s) => ({ value: s, label: t(`codes.referralStatus.${s}`) }));
export const urgencyOptions = () => URGENCIES.map((u) => ({ value: u, label: t(`codes.urgency.${u}`) }));
export const carrierOptions = () => CARRIERS.map((c) => ({ value: c, label: t(`codes.carrier.${c}`) }));

/** The settings lists the referral forms choose from; empty until settings.get answers. */
export function useReferralLists() {
  const { data } = useApiQuery('settings.get', {});
  return {
    departments: data?.sourceDepartments ?? [],
    agencies: data?.agencies ?? [],
    loaded: data !== null,
  };
}

export const asOptions = (items: readonly string[]) => items.map((v) => ({ value: v, label: v }));

/** Whether the verification deadline still matters and has passed. */
export function verifyLate(status: ReferralStatus, verifyDue: string, today: string): boolean {
  return (status === 'received' || status === 'verifying') && verifyDue < today;
}
