import { Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { t } from '../../../db/i18n';
import { CARRIERS, REFERRAL_STATUSES, URGENCIES } from '../../../db/referrals/codes';
import { DATE_FORMAT } from '../common/dates';
import { statusTag } from '../common/StatusTag';
import { useApiQuery } from '../common/useApiQuery';
import type { ReferralStatus } from './types';

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
