import { Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { KeyboardEvent } from 'react';
import { t } from '../../../db/i18n';
import { CARRIERS, REFERRAL_STATUSES, URGENCIES } from '../../../db/referrals/codes';
import { useApiQuery } from '../common/useApiQuery';
import type { ReferralStatus } from './types';

export const DATE_FORMAT = 'YYYY-MM-DD';

/** The caseworker's calendar day; the core counts deadlines in the same local days. */
export function todayText(): string {
  return dayjs().format(DATE_FORMAT);
}

/**
 * Form.Item props for a DatePicker: the picker works in dayjs, the form keeps the API's
 * 'YYYY-MM-DD' text, so values go out and field errors come back under the same name.
 */
export const dateItem = {
  getValueProps: (v?: string | null) => ({ value: v ? dayjs(v, DATE_FORMAT) : null }),
  normalize: (d: Dayjs | null) => (d ? d.format(DATE_FORMAT) : undefined),
};

/**
 * For long forms: Enter in a text box or a date picker (where it confirms the typed date)
 * must not send the whole form half filled. The submit button still submits.
 */
export function keepEnterFromSubmitting(e: KeyboardEvent<HTMLFormElement>): void {
  const target = e.target as HTMLElement;
  if (e.key === 'Enter' && target instanceof HTMLInputElement) e.preventDefault();
}

export function blankToNull(v: string | null | undefined): string | null {
  const s = v?.trim() ?? '';
  return s === '' ? null : s;
}

export const STATUS_COLOR: Record<ReferralStatus, string> = {
  received: 'blue',
  verifying: 'gold',
  triaged: 'cyan',
  tracking: 'purple',
  closed: 'green',
};

export function StatusTag({ status, testId }: { status: ReferralStatus; testId?: string }) {
  return (
    <Tag color={STATUS_COLOR[status]} style={{ marginInlineEnd: 0 }} data-testid={testId}>
      {t(`codes.referralStatus.${status}`)}
    </Tag>
  );
}

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
