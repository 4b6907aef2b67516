// Choosing the child and the guardian(s) a document or plan concerns. Guardians come from the
// child's own relatives: the API refuses anyone who is not linked to the child.
import { Alert, Checkbox, Flex, Form, type FormInstance, Select, Spin, Tag, Typography } from 'antd';
import { useMemo, useRef } from 'react';
import { Link } from 'react-router';
import { t } from '../../../db/i18n';
import { type ApiOutput, api } from '../api/client';
import { relationLabel } from '../common/codeLabels';
import { useRemoteSearch } from '../common/RemoteSelect';
import { useApiQuery } from '../common/useApiQuery';

type ChildFile = ApiOutput<'children.get'>;
export type PersonLink = ChildFile['relations'][number];

export interface ChildOption {
  value: string;
  label: string;
}

/** How a child is named in a picker: name, birth date and township tell namesakes apart. */
export function childLabel(row: { name: string; birthDate: string; township: string | null }): string {
  return [row.name, row.birthDate, row.township].filter(Boolean).join(' · ');
}

/**
 * The search behind the child pickers: asks the core once the caseworker stops typing, keeps only
 * the latest answer, and remembers every label a search showed so a chosen child stays named.
 */
function useChildSearch(known: ChildOption[] = []) {
  const seen = useRef(new Map<string, string>(known.map((k) => [k.value, k.label])));
  const search = useRemoteSearch((q) =>
    api('children.list', { query: q, limit: 20 }).then((res) => {
      const found = res.rows.map((r) => ({ value: r.id, label: childLabel(r) }));
      for (const o of found) seen.current.set(o.value, o.label);
      return found;
    }),
  );
  return { ...search, seen };
}

/**
 * The child, searched by name, pinyin initials or ID number as the caseworker types. The
 * form keeps the id; `selectedLabel` names a child chosen before this field was shown
 * (e.g. from the address), whom no search has returned yet.
 */
export function ChildSelect({
  value,
  onChange,
  selectedLabel,
  disabled,
  id,
  'aria-invalid': ariaInvalid,
}: {
  value?: string | null;
  onChange?: (value: string | null) => void;
  selectedLabel?: string | null;
  disabled?: boolean;
  id?: string;
  'aria-invalid'?: boolean;
}) {
  const { setQuery, options, empty, seen } = useChildSearch();

  const shown = useMemo(() => {
    if (!value || options.some((o) => o.value === value)) return options;
    const label = seen.current.get(value) ?? selectedLabel ?? '';
    return [{ value, label }, ...options];
  }, [value, options, selectedLabel, seen.current.get]);

  return (
    <Select<string>
      id={id}
      aria-invalid={ariaInvalid}
      allowClear={!disabled}
      disabled={disabled}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? null)}
      showSearch={{ filterOption: false, onSearch: setQuery }}
      options={shown}
      placeholder={t('orders.shared.childPlaceholder')}
      notFoundContent={empty(t('orders.shared.childNoMatch'), t('orders.shared.childTypeToSearch'))}
      style={{ width: '100%' }}
    />
  );
}

/**
 * The child a record is about, as every record form asks for it: the field `childId`, required,
 * picked with ChildSelect. `onPicked` runs when the caseworker picks another child (to clear what
 * belonged to the first: guardians, respondents).
 */
export function ChildField({
  label,
  disabled,
  selectedLabel,
  onPicked,
}: {
  label: string;
  disabled?: boolean;
  selectedLabel?: string | null;
  onPicked?: () => void;
}) {
  return (
    <Form.Item
      label={label}
      name="childId"
      rules={[{ required: true, message: t('orders.shared.childRequired') }]}
    >
      <ChildSelect disabled={disabled} selectedLabel={selectedLabel} onChange={onPicked} />
    </Form.Item>
  );
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
  const { query, setQuery, options, empty, seen } = useChildSearch(known);

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
      notFoundContent={empty(
        t('mandatoryReports.form.childNoMatch'),
        t('mandatoryReports.form.childTypeToSearch'),
      )}
    />
  );
}

/**
 * The picked child's file, for its name and relatives. Opening it is audited as a view of the
 * child's file, which is what choosing a child for a document is.
 */
export function useChildFile(childId: string | null | undefined) {
  const { data, error, loading } = useApiQuery('children.get', childId ? { id: childId } : null);
  const current = data && childId && data.profile.id === childId ? data : null;
  return { file: current, error, loading: !!childId && loading };
}

/**
 * The child a record form is about, and that child's file: the form's `childId` once it has
 * mounted (null once the caseworker clears the field), before that `initialChildId` (the
 * record's own child, or the one the address named).
 */
export function useFormChild<V extends { childId?: string | null }>(
  form: FormInstance<V>,
  initialChildId: string | null | undefined,
) {
  const watched = Form.useWatch('childId', form) as string | null | undefined;
  const childId = watched === undefined ? (initialChildId ?? null) : watched;
  return { childId, ...useChildFile(childId) };
}

function PersonLabel({ link }: { link: PersonLink }) {
  return (
    <Flex gap={6} align="center" wrap component="span">
      <span>
        {link.person.name}（{relationLabel(link.relation)}）
      </span>
      {link.isGuardian && (
        <Tag color="blue" style={{ marginInlineEnd: 0 }}>
          {t('codes.role.guardian')}
        </Tag>
      )}
      {link.isCaregiver && <Tag style={{ marginInlineEnd: 0 }}>{t('codes.role.caregiver')}</Tag>}
      {link.custody.some((c) => !c.actualRelease) && (
        <Tag color="orange" style={{ marginInlineEnd: 0 }}>
          {t('codes.role.detained')}
        </Tag>
      )}
    </Flex>
  );
}

/** What the guardian fields show before there is a list to choose from. */
/** Where the guardian pickers take the relatives from: the picked child and its file as loaded. */
interface RelativesSource {
  childId: string | null | undefined;
  file: ChildFile | null;
  loading: boolean;
  error: string | null;
}

function RelativesState({ childId, file, loading, error }: RelativesSource) {
  if (!childId)
    return <Typography.Text type="secondary">{t('orders.shared.pickChildFirst')}</Typography.Text>;
  if (error) return <Alert type="error" showIcon title={error} />;
  if (loading || !file) return <Spin size="small" />;
  return (
    <Alert
      type="warning"
      showIcon
      title={t('orders.shared.noRelatives')}
      description={<Link to={`/children/${childId}`}>{t('orders.shared.openChildFile')}</Link>}
    />
  );
}

/** Several guardians, as ticks beside the child's relatives; the value is their person ids. */
export function GuardianChecklist({
  value,
  onChange,
  id,
  ...source
}: RelativesSource & { value?: string[]; onChange?: (value: string[]) => void; id?: string }) {
  const relations = source.file?.relations ?? [];
  if (!source.file || relations.length === 0) return <RelativesState {...source} />;
  return (
    <div id={id}>
      <Checkbox.Group
        value={value ?? []}
        onChange={(v) => onChange?.(v as string[])}
        style={{ display: 'flex', flexDirection: 'column', gap: 6 }}
        options={relations.map((link) => ({
          value: link.person.id,
          label: <PersonLabel link={link} />,
        }))}
      />
    </div>
  );
}

/** One guardian (训诫 names one person); the value is the person id. */
export function GuardianSelect({
  value,
  onChange,
  id,
  'aria-invalid': ariaInvalid,
  ...source
}: RelativesSource & {
  value?: string | null;
  onChange?: (value: string | null) => void;
  id?: string;
  'aria-invalid'?: boolean;
}) {
  const relations = source.file?.relations ?? [];
  if (!source.file || relations.length === 0) return <RelativesState {...source} />;
  return (
    <Select<string>
      id={id}
      aria-invalid={ariaInvalid}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? null)}
      placeholder={t('orders.shared.guardianPlaceholder')}
      options={relations.map((link) => ({
        value: link.person.id,
        label: `${link.person.name}（${relationLabel(link.relation)}）`,
        title: link.person.name,
      }))}
      style={{ width: '100%' }}
    />
  );
}
