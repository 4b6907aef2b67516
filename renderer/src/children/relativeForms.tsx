// The dialogs of the 关系人与羁押 tab: add a relative (an existing person or a new one),
// edit the relation, edit the person, add or edit a custody record.
import {
  Button,
  Checkbox,
  Col,
  DatePicker,
  Form,
  type FormInstance,
  Input,
  Row,
  Segmented,
  Select,
  Space,
  Typography,
} from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { CUSTODY_MEASURES, RELATIONS } from '../../../db/children/codes';
import { checkIdNumber } from '../../../db/children/idNumber';
import { personInput } from '../../../db/children/inputs';
import { type Catalog, t } from '../../../db/i18n';
import { api } from '../api/client';
import { GenderRadio, measureLabel, relationLabel } from '../common/codeLabels';
import { DATE_FORMAT, dateItem, todayText } from '../common/dates';
import { FormModal, useFormModal } from '../common/FormDialog';
import { CheckboxField, DateField, FieldRow, fieldsIn, SelectField, TextField } from '../common/fields';
import { blankToNull } from '../common/forms';
import { InfoNote } from '../common/InfoNote';
import { SEARCH_DEBOUNCE_MS } from '../common/search';
import { useApiQuery } from '../common/useApiQuery';
import type { CustodyView, PersonLink, PersonView } from './types';

/** A version conflict: the page reloads the file and tells the caseworker. */
export type OnStale = (message: string) => void;

interface PersonValues {
  name?: string;
  gender?: 'male' | 'female' | null;
  idNumber?: string | null;
  phone?: string | null;
  address?: string | null;
  occupation?: string | null;
  deceasedOn?: string | null;
  missingSince?: string | null;
  severeDisability?: boolean;
  severeIllness?: boolean;
}

function personPayload(v: PersonValues) {
  return {
    name: v.name?.trim() ?? '',
    gender: v.gender ?? null,
    idNumber: blankToNull(v.idNumber),
    phone: blankToNull(v.phone),
    address: blankToNull(v.address),
    occupation: blankToNull(v.occupation),
    deceasedOn: v.deceasedOn ?? null,
    missingSince: v.missingSince ?? null,
    severeDisability: !!v.severeDisability,
    severeIllness: !!v.severeIllness,
  };
}

const idRule = {
  validator: (_: unknown, value?: string | null) => {
    if (!value?.trim()) return Promise.resolve();
    const check = checkIdNumber(value, todayText());
    return check.ok ? Promise.resolve() : Promise.reject(new Error(t(check.error)));
  },
};

// The API's own phone rule, so the form and the core never disagree about a number.
const phoneRule = {
  validator: (_: unknown, value?: string | null) => {
    const result = personInput.shape.phone.safeParse(value ?? null);
    return result.success ? Promise.resolve() : Promise.reject(new Error(result.error.issues[0].message));
  },
};

const optional = t('children.common.optional');
const p = (k: keyof Catalog['children']['relatives']['person']) => t(`children.relatives.person.${k}`);

/** A person's fields; `prefix` is ['person'] inside relations.add, where the API nests them. */
function PersonFields({
  form,
  prefix,
  maskedId,
  onNameBlur,
}: {
  form: FormInstance;
  prefix: string[];
  /** Add: the typed name, to offer people of that name already on file. */
  onNameBlur?: (name: string) => void;
  /** Edit: the registered number, which must be typed again to be kept (see the report). */
  maskedId?: string | null;
}) {
  const n = (field: keyof PersonValues) => [...prefix, field];
  const fillGender = () => {
    const id = (form.getFieldValue(n('idNumber')) as string | undefined)?.trim();
    if (!id || form.getFieldValue(n('gender'))) return;
    const check = checkIdNumber(id, todayText());
    if (check.ok) form.setFieldValue(n('gender'), check.info.gender);
  };
  return (
    <Row gutter={16}>
      <Col span={12}>
        <Form.Item
          label={p('name')}
          name={n('name')}
          rules={[{ required: true, whitespace: true, message: t('validation.person.nameRequired') }]}
        >
          <Input maxLength={40} onBlur={(e) => onNameBlur?.(e.target.value.trim())} />
        </Form.Item>
      </Col>
      <Col span={12}>
        <Form.Item label={p('gender')} name={n('gender')}>
          <GenderRadio />
        </Form.Item>
      </Col>
      <Col span={12}>
        <Form.Item
          label={p('idNumber')}
          name={n('idNumber')}
          validateTrigger="onBlur"
          extra={maskedId ? t('children.relatives.person.idNumberReenter', { masked: maskedId }) : undefined}
          rules={[
            idRule,
            ...(maskedId
              ? [
                  {
                    required: true,
                    message: t('children.relatives.person.idNumberReenter', { masked: maskedId }),
                  },
                ]
              : []),
          ]}
        >
          <Input
            maxLength={18}
            placeholder={maskedId ?? optional}
            onBlur={fillGender}
            style={{ fontVariantNumeric: 'tabular-nums' }}
          />
        </Form.Item>
      </Col>
      <Col span={12}>
        <Form.Item label={p('phone')} name={n('phone')} validateTrigger="onBlur" rules={[phoneRule]}>
          <Input maxLength={20} placeholder={p('phonePlaceholder')} />
        </Form.Item>
      </Col>
      <Col span={16}>
        <TextField label={p('address')} name={n('address')} maxLength={120} />
      </Col>
      <Col span={8}>
        <TextField label={p('occupation')} name={n('occupation')} maxLength={40} />
      </Col>
      <Col span={24}>
        <Typography.Text type="secondary">{p('conditions')}</Typography.Text>
      </Col>
      {(['deceasedOn', 'missingSince'] as const).map((k) => (
        <Col key={k} span={12}>
          <DateField
            label={p(k)}
            name={n(k)}
            width="100%"
            placeholder={t('children.common.datePlaceholder')}
          />
        </Col>
      ))}
      <Col span={24}>
        <Space size={24}>
          {(['severeDisability', 'severeIllness'] as const).map((k) => (
            <CheckboxField key={k} name={n(k)} text={p(k)} style={{ marginBottom: 8 }} />
          ))}
        </Space>
      </Col>
    </Row>
  );
}

function RelationFields() {
  return (
    <Row gutter={16}>
      <Col span={12}>
        <SelectField
          label={t('children.relatives.columns.relation')}
          name="relation"
          requiredMessage={t('validation.person.relationRequired')}
          placeholder={t('children.relatives.relationPlaceholder')}
          options={RELATIONS.map((r) => ({ value: r, label: relationLabel(r) }))}
        />
      </Col>
      <Col span={12}>
        <Form.Item label={t('children.relatives.roles')}>
          <Space size={16}>
            <Form.Item name="isGuardian" valuePropName="checked" noStyle>
              <Checkbox>{t('codes.role.guardian')}</Checkbox>
            </Form.Item>
            <Form.Item name="isCaregiver" valuePropName="checked" noStyle>
              <Checkbox>{t('codes.role.caregiver')}</Checkbox>
            </Form.Item>
          </Space>
        </Form.Item>
      </Col>
      <Col span={24}>
        <TextField label={t('children.relatives.note')} name="note" maxLength={200} placeholder={optional} />
      </Col>
    </Row>
  );
}

function personOptionLabel(p: PersonView): string {
  return t('children.relatives.searchOption', {
    name: p.name,
    idNumber: p.idNumberMasked ?? t('children.common.noIdNumber'),
    phone: p.phone ?? t('children.file.header.phoneNone'),
    count: p.childCount,
  });
}

/** What a link says of the person for the child: the same whether the link is new or edited. */
const relationPayload = (v: AddValues) => ({
  relation: v.relation as (typeof RELATIONS)[number],
  isGuardian: !!v.isGuardian,
  isCaregiver: !!v.isCaregiver,
  note: blankToNull(v.note),
});

interface AddValues {
  personId?: string;
  person?: PersonValues;
  relation?: (typeof RELATIONS)[number];
  isGuardian?: boolean;
  isCaregiver?: boolean;
  note?: string | null;
}

export function AddRelativeModal({
  childId,
  linkedIds,
  open,
  onClose,
  onAdded,
  onStale,
}: {
  childId: string;
  /** People already linked, left out of the search. */
  linkedIds: string[];
  open: boolean;
  onClose: () => void;
  onAdded: (links: PersonLink[]) => void;
  onStale: OnStale;
}) {
  const [form] = Form.useForm<AddValues>();
  const [mode, setMode] = useState<'new' | 'existing'>('new');
  const [typed, setTyped] = useState('');
  const [query, setQuery] = useState('');
  const [sameName, setSameName] = useState('');

  useEffect(() => {
    const timer = setTimeout(() => setQuery(typed.trim()), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [typed]);
  const search = useApiQuery('persons.search', mode === 'existing' && query ? { query } : null);
  // While a new person is typed in, people of that name already on file are offered instead.
  const namesake = useApiQuery('persons.search', mode === 'new' && sameName ? { query: sameName } : null);
  const namesakes = (namesake.data ?? []).filter((p) => p.name === sameName && !linkedIds.includes(p.id));
  const [picked, setPicked] = useState<PersonView | null>(null);
  const options = useMemo(() => {
    const found = (search.data ?? []).filter((p) => !linkedIds.includes(p.id));
    const list = picked && !found.some((p) => p.id === picked.id) ? [picked, ...found] : found;
    return list.map((p) => ({ value: p.id, label: personOptionLabel(p), person: p }));
  }, [search.data, linkedIds, picked]);

  const call = useCallback(
    (v: AddValues) =>
      api('relations.add', {
        childId,
        ...relationPayload(v),
        ...(mode === 'existing' ? { personId: v.personId } : { person: personPayload(v.person ?? {}) }),
      }),
    [childId, mode],
  );
  const reset = useCallback(() => {
    form.resetFields();
    setMode('new');
    setTyped('');
    setSameName('');
    setPicked(null);
  }, [form]);
  const onSuccess = useCallback(
    (links: PersonLink[]) => {
      reset();
      onAdded(links);
    },
    [onAdded, reset],
  );
  const { modal, clearFailure } = useFormModal(form, call, {
    successMessage: t('children.relatives.added'),
    onSuccess,
    onClose: () => {
      reset();
      onClose();
    },
    onStale,
  });

  const pickExisting = (p: PersonView) => {
    setMode('existing');
    setPicked(p);
    form.setFieldValue('personId', p.id);
  };

  if (!open) return null;
  return (
    <FormModal<AddValues>
      title={t('children.relatives.addTitle')}
      name="relativeAdd"
      width={760}
      {...modal}
      initialValues={{ isGuardian: false, isCaregiver: false }}
    >
      <Form.Item label={t('children.relatives.modeLabel')}>
        <Segmented<'new' | 'existing'>
          value={mode}
          onChange={(m) => {
            clearFailure();
            setMode(m);
          }}
          options={[
            { value: 'new', label: t('children.relatives.mode.new') },
            { value: 'existing', label: t('children.relatives.mode.existing') },
          ]}
        />
      </Form.Item>
      {mode === 'existing' ? (
        <Form.Item
          label={t('children.relatives.search')}
          name="personId"
          rules={[{ required: true, message: t('validation.person.pickOrCreate') }]}
        >
          <Select
            showSearch={{ filterOption: false, onSearch: setTyped }}
            placeholder={t('children.relatives.searchPlaceholder')}
            options={options}
            loading={search.loading}
            notFoundContent={query ? t('children.relatives.searchEmpty') : null}
            onChange={(_, option) => {
              const o = Array.isArray(option) ? option[0] : option;
              if (o && 'person' in o) setPicked(o.person as PersonView);
            }}
          />
        </Form.Item>
      ) : (
        <>
          <PersonFields form={form} prefix={['person']} onNameBlur={(name) => setSameName(name)} />
          {namesakes.length > 0 && (
            <InfoNote
              title={t('children.relatives.namesake', { count: namesakes.length })}
              description={
                <Space orientation="vertical" size={4}>
                  {namesakes.map((p) => (
                    <Space key={p.id} size={8} wrap>
                      <span>{personOptionLabel(p)}</span>
                      <Button size="small" type="link" onClick={() => pickExisting(p)}>
                        {t('children.relatives.useExisting')}
                      </Button>
                    </Space>
                  ))}
                </Space>
              }
            />
          )}
        </>
      )}
      <RelationFields />
    </FormModal>
  );
}

export function RelationEditModal({
  link,
  onClose,
  onSaved,
  onStale,
}: {
  link: PersonLink | null;
  onClose: () => void;
  onSaved: (links: PersonLink[]) => void;
  onStale: OnStale;
}) {
  const [form] = Form.useForm<AddValues>();
  const call = useCallback(
    (v: AddValues) =>
      api('relations.update', { id: link!.relationId, version: link!.version, ...relationPayload(v) }),
    [link],
  );
  const { modal } = useFormModal(form, call, {
    successMessage: t('children.relatives.relationSaved'),
    onSuccess: onSaved,
    onClose,
    onStale,
  });
  if (link === null) return null;
  return (
    <FormModal<AddValues>
      title={link ? t('children.relatives.editRelationTitle', { name: link.person.name }) : ''}
      name="relationEdit"
      width={640}
      {...modal}
      initialValues={{
        relation: link.relation as (typeof RELATIONS)[number],
        isGuardian: link.isGuardian,
        isCaregiver: link.isCaregiver,
        note: link.note,
      }}
    >
      <RelationFields />
    </FormModal>
  );
}

export function PersonEditModal({
  person,
  onClose,
  onSaved,
  onStale,
}: {
  person: PersonView | null;
  onClose: () => void;
  onSaved: (person: PersonView) => void;
  onStale: OnStale;
}) {
  const [form] = Form.useForm<PersonValues>();
  const call = useCallback(
    (v: PersonValues) =>
      api('persons.update', { id: person!.id, version: person!.version, ...personPayload(v) }),
    [person],
  );
  const { modal } = useFormModal(form, call, {
    successMessage: t('children.relatives.personSaved'),
    onSuccess: onSaved,
    onClose,
    onStale,
  });
  if (person === null) return null;
  return (
    <FormModal<PersonValues>
      title={t('children.relatives.editPersonTitle')}
      name="personEdit"
      width={760}
      {...modal}
      initialValues={{
        name: person.name,
        gender: person.gender,
        phone: person.phone,
        address: person.address,
        occupation: person.occupation,
        deceasedOn: person.deceasedOn,
        missingSince: person.missingSince,
        severeDisability: person.severeDisability,
        severeIllness: person.severeIllness,
      }}
    >
      {person && person.childCount > 1 && <InfoNote title={t('children.relatives.sharedHint')} />}
      <PersonFields form={form} prefix={[]} maskedId={person.idNumberMasked} />
    </FormModal>
  );
}

interface CustodyValues {
  measure?: (typeof CUSTODY_MEASURES)[number];
  facility?: string | null;
  caseNumber?: string | null;
  charge?: string | null;
  startDate?: string | null;
  expectedRelease?: string | null;
  actualRelease?: string | null;
}

const custody = fieldsIn((k: keyof Catalog['children']['relatives']['custody']) =>
  t(`children.relatives.custody.${k}`),
);

const notBeforeStart = ({ getFieldValue }: { getFieldValue: (name: string) => unknown }) => ({
  validator: (_: unknown, value?: string | null) => {
    const start = getFieldValue('startDate') as string | null | undefined;
    return value && start && value < start
      ? Promise.reject(new Error(t('validation.custody.beforeStart')))
      : Promise.resolve();
  },
});

/** Add (no `record`) or edit a custody record of one person. */
export function CustodyModal({
  target,
  onClose,
  onSaved,
  onStale,
}: {
  target: { person: PersonView; record: CustodyView | null } | null;
  onClose: () => void;
  onSaved: (personId: string, record: CustodyView) => void;
  onStale: OnStale;
}) {
  const [form] = Form.useForm<CustodyValues>();
  const call = useCallback(
    (v: CustodyValues) => {
      const fields = {
        measure: v.measure as (typeof CUSTODY_MEASURES)[number],
        facility: blankToNull(v.facility),
        caseNumber: blankToNull(v.caseNumber),
        charge: blankToNull(v.charge),
        startDate: v.startDate ?? '',
        expectedRelease: v.expectedRelease ?? null,
        actualRelease: v.actualRelease ?? null,
      };
      const record = target!.record;
      return record
        ? api('custody.update', { id: record.id, version: record.version, ...fields })
        : api('custody.add', { personId: target!.person.id, ...fields });
    },
    [target],
  );
  const onSuccess = useCallback((r: CustodyView) => onSaved(target!.person.id, r), [onSaved, target]);
  const { modal } = useFormModal(form, call, {
    successMessage: t('children.relatives.custody.saved'),
    onSuccess,
    onClose,
    onStale,
  });
  const record = target?.record ?? null;
  const datePicker = (
    <DatePicker
      format={DATE_FORMAT}
      placeholder={t('children.common.datePlaceholder')}
      style={{ width: '100%' }}
    />
  );
  if (target === null) return null;
  return (
    <FormModal<CustodyValues>
      title={
        target
          ? t(record ? 'children.relatives.custody.editTitle' : 'children.relatives.custody.addTitle', {
              name: target.person.name,
            })
          : ''
      }
      name="custody"
      width={680}
      {...modal}
      initialValues={record ? { ...record, measure: record.measure as CustodyValues['measure'] } : {}}
    >
      <FieldRow spans={[12, 12, 12, 12, 8, 8, 8]}>
        <SelectField
          {...custody('measure')}
          requiredMessage={t('validation.custody.measureRequired')}
          placeholder={t('children.relatives.custody.measurePlaceholder')}
          options={CUSTODY_MEASURES.map((m) => ({ value: m, label: measureLabel(m) }))}
        />
        <TextField
          {...custody('facility')}
          maxLength={60}
          placeholder={t('children.relatives.custody.facilityPlaceholder')}
        />
        <TextField
          {...custody('caseNumber')}
          maxLength={60}
          placeholder={t('children.relatives.custody.caseNumberPlaceholder')}
        />
        <TextField {...custody('charge')} maxLength={60} />
        <Form.Item
          {...custody('startDate')}
          {...dateItem}
          rules={[{ required: true, message: t('validation.custody.startRequired') }]}
        >
          {datePicker}
        </Form.Item>
        {(['expectedRelease', 'actualRelease'] as const).map((name) => (
          <Form.Item
            key={name}
            {...custody(name)}
            dependencies={['startDate']}
            {...dateItem}
            rules={[notBeforeStart]}
          >
            {datePicker}
          </Form.Item>
        ))}
      </FieldRow>
    </FormModal>
  );
}
