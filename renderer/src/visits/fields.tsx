// The two grouped inputs of the visit form. Each is one Form.Item value (an object, a list),
// so the API's message about the group ("at least one finding") appears beside the group.
import { Checkbox, Flex, Input, Typography } from 'antd';
import { useId } from 'react';
import { NEED_KINDS, type NeedKind } from '../../../db/children/codes';
import { t } from '../../../db/i18n';
import { needLabel } from '../common/codeLabels';
import { FINDING_KEYS, type Findings, type NeedFound } from './types';

const BIG_TEXT = { fontSize: 16 } as const;

export function FindingsInput({
  value,
  onChange,
  id,
}: {
  value?: Findings;
  onChange?: (v: Findings) => void;
  id?: string;
}) {
  const base = useId();
  const current = value ?? {};
  return (
    <Flex vertical gap={14} id={id}>
      {FINDING_KEYS.map((key) => {
        const inputId = `${base}-${key}`;
        return (
          <div key={key}>
            <label htmlFor={inputId} style={{ display: 'block', marginBottom: 6 }}>
              <Typography.Text strong style={{ fontSize: 16 }}>
                {t(`visits.fields.${key}`)}
              </Typography.Text>
            </label>
            <Input.TextArea
              id={inputId}
              value={current[key] ?? ''}
              onChange={(e) => onChange?.({ ...current, [key]: e.target.value })}
              maxLength={2000}
              autoSize={{ minRows: 3, maxRows: 12 }}
              placeholder={t(`visits.placeholders.${key}`)}
              style={BIG_TEXT}
            />
          </div>
        );
      })}
    </Flex>
  );
}

/** A tick per need kind, with a note beside it; the note can be typed once the need is ticked. */
export function NeedsInput({
  value,
  onChange,
  id,
}: {
  value?: NeedFound[];
  onChange?: (v: NeedFound[]) => void;
  id?: string;
}) {
  const current = value ?? [];
  const found = (kind: NeedKind) => current.find((n) => n.kind === kind);
  // Kept in the catalog's order, so a saved draft reads back the same way.
  const set = (kind: NeedKind, entry: NeedFound | null) => {
    const next = NEED_KINDS.flatMap((k) => {
      if (k === kind) return entry ? [entry] : [];
      const existing = found(k);
      return existing ? [existing] : [];
    });
    onChange?.(next);
  };
  return (
    <Flex vertical gap={8} id={id}>
      {NEED_KINDS.map((kind) => {
        const entry = found(kind);
        const label = needLabel(kind);
        return (
          <Flex key={kind} align="center" gap={12}>
            <Checkbox
              checked={!!entry}
              onChange={(e) => set(kind, e.target.checked ? { kind, note: entry?.note ?? '' } : null)}
              style={{ width: 96, fontSize: 16 }}
            >
              {label}
            </Checkbox>
            <Input
              size="large"
              aria-label={t('visits.fields.needNote', { need: label })}
              disabled={!entry}
              value={entry?.note ?? ''}
              onChange={(e) => set(kind, { kind, note: e.target.value })}
              maxLength={200}
              placeholder={t('visits.placeholders.needNote')}
            />
          </Flex>
        );
      })}
    </Flex>
  );
}
