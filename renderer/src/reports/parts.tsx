// What the 强制报告 screens share: the status tag, the children picker.
import { Select, Spin } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { t } from '../../../db/i18n';
import type { ReportStatus } from '../../../db/reports/codes';
import { type ApiOutput, api } from '../api/client';
import { statusTag } from '../common/StatusTag';
import { SEARCH_DEBOUNCE_MS } from '../common/search';

export type ReportView = ApiOutput<'mandatoryReports.get'>;

const STATUS_COLOR: Record<ReportStatus, string> = {
  received: 'gold',
  verifying: 'blue',
  filed: 'volcano',
  handled: 'cyan',
  closed: 'green',
  voided: 'default',
};

export const ReportStatusTag = statusTag(STATUS_COLOR, (s: ReportStatus) =>
  t(`mandatoryReports.status.${s}`),
);

export interface ChildOption {
  value: string;
  label: string;
}

export function childLabel(c: { name: string; birthDate: string; township: string | null }): string {
  return [c.name, c.birthDate, c.township].filter(Boolean).join(' · ');
}

/**
 * Several registered children, searched as the caseworker types. The form keeps the ids;
 * `known` labels the ones chosen before (when editing), whom no search has returned yet.
 */
export function ChildrenSelect({
  value,
  onChange,
  known,
  id,
  'aria-invalid': ariaInvalid,
}: {
  value?: string[];
  onChange?: (value: string[]) => void;
  known?: ChildOption[];
  id?: string;
  'aria-invalid'?: boolean;
}) {
  const [query, setQuery] = useState('');
  const [options, setOptions] = useState<ChildOption[]>([]);
  const [searching, setSearching] = useState(false);
  const seen = useRef(new Map<string, string>((known ?? []).map((k) => [k.value, k.label])));

  useEffect(() => {
    const q = query.trim();
    if (!q) {
      setOptions([]);
      setSearching(false);
      return;
    }
    let current = true;
    setSearching(true);
    const timer = setTimeout(() => {
      api('children.list', { query: q, limit: 20 })
        .then(
          (res) => {
            if (!current) return;
            const found = res.rows.map((r) => ({ value: r.id, label: childLabel(r) }));
            for (const o of found) seen.current.set(o.value, o.label);
            setOptions(found);
          },
          () => current && setOptions([]),
        )
        .finally(() => current && setSearching(false));
    }, SEARCH_DEBOUNCE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [query]);

  const chosen = (value ?? [])
    .filter((v) => !options.some((o) => o.value === v))
    .map((v) => ({ value: v, label: seen.current.get(v) ?? v }));

  return (
    <Select<string[]>
      id={id}
      aria-invalid={ariaInvalid}
      mode="multiple"
      value={value ?? []}
      onChange={(v) => {
        onChange?.(v);
        setQuery('');
      }}
      showSearch={{ filterOption: false, onSearch: setQuery, searchValue: query }}
      options={[...chosen, ...options]}
      placeholder={t('mandatoryReports.form.childSearch')}
      notFoundContent={
        searching ? (
          <Spin size="small" />
        ) : query.trim() ? (
          t('mandatoryReports.form.childNoMatch')
        ) : (
          t('mandatoryReports.form.childTypeToSearch')
        )
      }
    />
  );
}
