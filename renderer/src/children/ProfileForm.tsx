import {
  Alert,
  Anchor,
  App,
  Button,
  Card,
  Checkbox,
  Col,
  DatePicker,
  Flex,
  Form,
  type FormInstance,
  Input,
  Radio,
  Row,
  Select,
  Space,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { type ReactNode, useCallback, useMemo, useRef, useState } from 'react';
import {
  CATEGORIES,
  type Category,
  ETHNICITIES,
  GUARDIANSHIP_SITUATIONS,
  type GuardianshipSituation,
  NEED_KINDS,
  type NeedKind,
  RISK_LEVELS,
  type RiskLevel,
} from '../../../db/children/codes';
import { ageOn, checkIdNumber } from '../../../db/children/idNumber';
import { TOWNSHIPS } from '../../../db/children/inputs';
import { type Catalog, t } from '../../../db/i18n';
import { type ApiCallError, api, toApiCallError } from '../api/client';
import { applyFieldErrors } from '../common/applyFieldErrors';
import {
  categoryLabel,
  GenderRadio,
  genderLabel,
  guardianshipLabel,
  needLabel,
  RiskTag,
  relationLabel,
} from '../common/codeLabels';
import { DATE_FORMAT, dateItem, todayText } from '../common/dates';
import { FormAlert } from '../common/FormAlert';
import { FieldRow, fieldsIn, NeededNoteField, SelectField, TextAreaField, TextField } from '../common/fields';
import { blankToNull } from '../common/forms';
import { InfoNote } from '../common/InfoNote';
import type { FormFailure } from '../common/useApiForm';
import { useApiQuery } from '../common/useApiQuery';
import { useSession } from '../session/store';
import { DuplicateList, DuplicateModal } from './DuplicateList';
import type { ChildFile, ChildProfile, DuplicateCandidate, PersonLink } from './types';

type Township = (typeof TOWNSHIPS)[number];

/** Form values use the API's field names, so API field errors land beside their fields. */
interface ProfileValues {
  name?: string;
  gender?: 'male' | 'female';
  birthDate?: string | null;
  idNumber?: string;
  ethnicity?: string | null;
  householdAddress?: string | null;
  currentAddress?: string | null;
  township?: Township;
  village?: string | null;
  school?: string | null;
  grade?: string | null;
  boarding?: 'yes' | 'no' | null;
  healthNotes?: string | null;
  disabilityNotes?: string | null;
  guardianshipSituation?: GuardianshipSituation | null;
  guardianshipNote?: string | null;
  caregiverPersonId?: string | null;
  categories?: Category[];
  deFactoRecognisedOn?: string | null;
  riskLevel?: RiskLevel;
  riskReason?: string | null;
  needs?: Partial<Record<NeedKind, { note?: string | null; met?: boolean }>>;
  ownerId?: string | null;
}

const field = fieldsIn((k: keyof Catalog['children']['fields']) => t(`children.fields.${k}`));
const optional = t('children.common.optional');

const SECTIONS = ['basic', 'address', 'school', 'guardianship', 'risk', 'needs'] as const;
type Section = (typeof SECTIONS)[number];
const sectionId = (s: Section) => `child-form-${s}`;

function initialValues(profile: ChildProfile | undefined, selfId: string | undefined): ProfileValues {
  if (!profile) {
    return { categories: [], riskLevel: 'green', needs: {}, boarding: null, ownerId: selfId ?? null };
  }
  return {
    name: profile.name,
    gender: profile.gender,
    birthDate: profile.birthDate,
    ethnicity: profile.ethnicity,
    householdAddress: profile.householdAddress,
    currentAddress: profile.currentAddress,
    township: profile.township as Township,
    village: profile.village,
    school: profile.school,
    grade: profile.grade,
    boarding: profile.boarding === null ? null : profile.boarding ? 'yes' : 'no',
    healthNotes: profile.healthNotes,
    disabilityNotes: profile.disabilityNotes,
    guardianshipSituation: profile.guardianshipSituation,
    guardianshipNote: profile.guardianshipNote,
    caregiverPersonId: profile.caregiverPersonId,
    categories: [...profile.categories],
    deFactoRecognisedOn: profile.deFactoRecognisedOn,
    riskLevel: profile.riskLevel,
    riskReason: profile.riskReason,
    needs: Object.fromEntries(
      NEED_KINDS.map((k) => [
        k,
        { note: profile.needs[k]?.note ?? null, met: profile.needs[k]?.met ?? false },
      ]),
    ),
    ownerId: profile.ownerId,
  };
}

/** `idNumber` undefined keeps the registered number (the API's rule for an edit). */
/** `ownerId` undefined keeps the owner (an edit by someone who may not assign owners). */
function toFields(v: ProfileValues, idNumber: string | null | undefined, ownerId: string | null | undefined) {
  const needs: Partial<Record<NeedKind, { note: string | null; met: boolean }>> = {};
  for (const k of NEED_KINDS) {
    const n = v.needs?.[k];
    const note = blankToNull(n?.note);
    if (note || n?.met) needs[k] = { note, met: !!n?.met };
  }
  return {
    name: v.name?.trim() ?? '',
    gender: v.gender as 'male' | 'female',
    birthDate: v.birthDate ?? '',
    idNumber,
    ethnicity: v.ethnicity ?? null,
    householdAddress: blankToNull(v.householdAddress),
    currentAddress: blankToNull(v.currentAddress),
    township: v.township as Township,
    village: blankToNull(v.village),
    school: blankToNull(v.school),
    grade: blankToNull(v.grade),
    boarding: v.boarding === 'yes' ? true : v.boarding === 'no' ? false : null,
    healthNotes: blankToNull(v.healthNotes),
    disabilityNotes: blankToNull(v.disabilityNotes),
    guardianshipSituation: v.guardianshipSituation ?? null,
    guardianshipNote: blankToNull(v.guardianshipNote),
    caregiverPersonId: v.caregiverPersonId ?? null,
    categories: v.categories ?? [],
    deFactoRecognisedOn: v.categories?.includes('deFactoUnsupported')
      ? (v.deFactoRecognisedOn ?? null)
      : null,
    riskLevel: v.riskLevel ?? 'green',
    riskReason: blankToNull(v.riskReason),
    needs,
    ownerId,
  };
}

/** The nearest scrolling ancestor: the shell scrolls its content pane, not the window. */
function scrollParent(el: HTMLElement | null): HTMLElement | Window {
  for (let node = el?.parentElement; node; node = node.parentElement) {
    const { overflowY } = getComputedStyle(node);
    if (overflowY === 'auto' || overflowY === 'scroll') return node;
  }
  return window;
}

export interface ProfileFormProps {
  mode: 'create' | 'edit';
  /** Edit: the profile as last read; its `version` goes with the update. */
  profile?: ChildProfile;
  relations?: PersonLink[];
  guardianship?: ChildFile['guardianship'];
  onSaved: (profile: ChildProfile) => void;
  onCancel: () => void;
  /** Edit: someone saved in between; the page reloads the file and says so. */
  onStale?: (message: string) => void;
}

export function ProfileForm({
  mode,
  profile,
  relations = [],
  guardianship,
  onSaved,
  onCancel,
  onStale,
}: ProfileFormProps) {
  const { message } = App.useApp();
  const user = useSession((s) => s.user);
  // Who may assign owners is the core's policy; the form asks it rather than guessing from the role.
  const permissions = useApiQuery('policy.forChild', { childId: profile?.id ?? null });
  const mayAssign = !!permissions.data?.assignOwner;
  const [form] = Form.useForm<ProfileValues>();
  const wrapperRef = useRef<HTMLDivElement>(null);
  const [failure, setFailure] = useState<FormFailure | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [dupes, setDupes] = useState<DuplicateCandidate[] | null>(null);
  const [inlineDupes, setInlineDupes] = useState<DuplicateCandidate[]>([]);
  const checkSeq = useRef(0);
  // An edited child keeps its registered number unless the caseworker chooses to change it:
  // the profile carries only the masked number, and an edit that leaves it out keeps it.
  const [idLocked, setIdLocked] = useState(mode === 'edit' && !!profile?.idNumberMasked);
  const pending = useRef<ProfileValues | null>(null);

  const initial = useMemo(() => initialValues(profile, user?.id), [profile, user?.id]);
  const accounts = useApiQuery('accounts.options', mayAssign ? {} : null);
  const ownerOptions = useMemo(() => {
    const options = (accounts.data ?? []).map((a) => ({
      value: a.id,
      label: a.id === user?.id ? t('children.form.ownerSelf', { name: a.displayName }) : a.displayName,
    }));
    // A disabled owner is no longer offered but stays shown until someone else is chosen.
    if (profile?.ownerId && !options.some((o) => o.value === profile.ownerId)) {
      options.push({
        value: profile.ownerId,
        label: t('children.form.ownerDisabled', { name: profile.ownerName ?? '' }),
      });
    }
    return options;
  }, [accounts.data, profile?.ownerId, profile?.ownerName, user?.id]);

  const guardianNames = useMemo(
    () => relations.filter((r) => r.isGuardian || r.isCaregiver).map((r) => r.person.name),
    [relations],
  );

  const probe = useCallback(
    (v: ProfileValues) => {
      const id = idLocked ? null : v.idNumber?.trim();
      return api('children.checkDuplicates', {
        name: v.name?.trim() ?? '',
        birthDate: v.birthDate ?? null,
        idNumber: id && id.length === 18 ? id : null,
        guardianNames,
        excludeId: profile?.id ?? null,
      });
    },
    [idLocked, guardianNames, profile?.id],
  );

  // On leaving name, birth date or ID: a quiet warning in the form, before any save.
  const checkInline = useCallback(async () => {
    const v = form.getFieldsValue(true) as ProfileValues;
    const seq = ++checkSeq.current;
    if (!v.name?.trim() || (!v.birthDate && !(v.idNumber?.trim().length === 18))) {
      setInlineDupes([]);
      return;
    }
    try {
      const found = await probe(v);
      if (seq === checkSeq.current) setInlineDupes(found);
    } catch {
      // A failed check only loses the early warning; saving checks again.
    }
  }, [form, probe]);

  const showError = useCallback(
    (error: ApiCallError) => {
      const details = error.code === 'VALIDATION' ? applyFieldErrors(form, error) : [];
      setFailure({ message: error.message, details });
      const first = form.getFieldsError().find((f) => f.errors.length > 0);
      if (first) form.scrollToField(first.name, { block: 'center' });
      else wrapperRef.current?.scrollIntoView({ block: 'start' });
    },
    [form],
  );

  const save = useCallback(
    async (v: ProfileValues, acknowledgeDuplicates: boolean) => {
      setSubmitting(true);
      setFailure(null);
      try {
        // A locked number is left out of the edit: the API keeps the registered one.
        const idNumber = idLocked ? undefined : blankToNull(v.idNumber);
        const ownerId = mayAssign ? (v.ownerId ?? null) : undefined;
        const fields = toFields(v, idNumber, ownerId);
        const saved =
          mode === 'create'
            ? await api('children.create', { ...fields, acknowledgeDuplicates })
            : await api('children.update', {
                ...fields,
                id: profile!.id,
                version: profile!.version,
                acknowledgeDuplicates,
              });
        setDupes(null);
        message.success(mode === 'create' ? t('children.form.created') : t('children.form.saved'));
        onSaved(saved);
      } catch (err) {
        setDupes(null);
        const error = toApiCallError(err);
        if (error.code === 'LOCKED') return;
        if (error.code === 'CONFLICT' && error.reason === 'possibleDuplicate') {
          // Someone registered a look-alike since the check: show who, and ask again.
          const found = await probe(v).catch(() => []);
          if (found.length) {
            pending.current = v;
            setDupes(found);
            return;
          }
        } else if (error.code === 'CONFLICT') {
          onStale?.(error.message);
          return;
        }
        showError(error);
      } finally {
        setSubmitting(false);
      }
    },
    [idLocked, mayAssign, profile, mode, message, onSaved, probe, onStale, showError],
  );

  const onFinish = useCallback(
    async (v: ProfileValues) => {
      setSubmitting(true);
      setFailure(null);
      let found: DuplicateCandidate[] = [];
      try {
        found = await probe(v);
      } catch {
        // The core checks again on save and answers CONFLICT if it finds a look-alike.
      }
      setSubmitting(false);
      setInlineDupes(found);
      if (found.length) {
        pending.current = v;
        setDupes(found);
        return;
      }
      await save(v, false);
    },
    [probe, save],
  );

  const caregiverOptions = relations.map((r) => ({
    value: r.person.id,
    label: t('children.form.caregiverOption', { name: r.person.name, relation: relationLabel(r.relation) }),
  }));

  const section = (key: Section, body: ReactNode) => (
    <Card
      id={sectionId(key)}
      title={t(`children.form.sections.${key}`)}
      size="small"
      style={{ marginBottom: 16, scrollMarginTop: 8 }}
      role="region"
      aria-label={t(`children.form.sections.${key}`)}
    >
      {body}
    </Card>
  );

  return (
    <div ref={wrapperRef}>
      <FormAlert failure={failure} />
      <Flex gap={24} align="flex-start">
        <Form<ProfileValues>
          form={form}
          name="childProfile"
          layout="vertical"
          initialValues={initial}
          onFinish={onFinish}
          onFinishFailed={({ errorFields }) => {
            if (errorFields[0]) form.scrollToField(errorFields[0].name, { block: 'center' });
          }}
          autoComplete="off"
          style={{ flex: 1, minWidth: 0, maxWidth: 900 }}
        >
          {section(
            'basic',
            <BasicSection
              form={form}
              mode={mode}
              profile={profile}
              idLocked={idLocked}
              setIdLocked={setIdLocked}
              inlineDupes={inlineDupes}
              onIdentityBlur={() => void checkInline()}
            />,
          )}
          {section(
            'address',
            <FieldRow spans={[12, 12, 24, 24]}>
              <SelectField
                {...field('township')}
                requiredMessage={t('validation.child.townshipRequired')}
                showSearch
                options={TOWNSHIPS.map((n) => ({ value: n, label: n }))}
                placeholder={t('children.form.townshipPlaceholder')}
              />
              <TextField {...field('village')} maxLength={60} placeholder={optional} />
              <TextField {...field('householdAddress')} maxLength={120} placeholder={optional} />
              <TextField {...field('currentAddress')} maxLength={120} placeholder={optional} />
            </FieldRow>,
          )}
          {section(
            'school',
            <FieldRow spans={[12, 6, 6, 12, 12]}>
              <TextField {...field('school')} maxLength={80} placeholder={optional} />
              <TextField {...field('grade')} maxLength={20} placeholder={optional} />
              <SelectField
                {...field('boarding')}
                allowClear
                placeholder={t('children.form.boardingPlaceholder')}
                options={(['yes', 'no'] as const).map((b) => ({
                  value: b,
                  label: t(`children.boarding.${b}`),
                }))}
              />
              <TextAreaField {...field('healthNotes')} maxLength={500} grow={[2, 5]} />
              <TextAreaField {...field('disabilityNotes')} maxLength={500} grow={[2, 5]} />
            </FieldRow>,
          )}
          {section(
            'guardianship',
            <>
              {guardianship?.derived && guardianship.situation && (
                <InfoNote
                  title={t('children.form.guardianshipDerived', {
                    situation: guardianshipLabel(guardianship.situation),
                  })}
                />
              )}
              <Row gutter={16}>
                <Col span={12}>
                  <Form.Item label={t('children.fields.guardianshipSituation')} name="guardianshipSituation">
                    <Select
                      allowClear
                      placeholder={t('children.form.guardianshipPlaceholder')}
                      options={GUARDIANSHIP_SITUATIONS.map((g) => ({
                        value: g,
                        label: guardianshipLabel(g),
                      }))}
                    />
                  </Form.Item>
                </Col>
                <Col span={12}>
                  {mode === 'edit' ? (
                    <Form.Item
                      label={t('children.fields.caregiver')}
                      name="caregiverPersonId"
                      extra={relations.length === 0 ? t('children.form.caregiverNoRelatives') : undefined}
                    >
                      <Select
                        allowClear
                        disabled={relations.length === 0}
                        placeholder={t('children.form.caregiverPlaceholder')}
                        options={caregiverOptions}
                      />
                    </Form.Item>
                  ) : (
                    <Form.Item label={t('children.fields.caregiver')}>
                      <Typography.Text type="secondary">
                        {t('children.form.caregiverCreateHint')}
                      </Typography.Text>
                    </Form.Item>
                  )}
                </Col>
                <Col span={24}>
                  <Form.Item label={t('children.fields.guardianshipNote')} name="guardianshipNote">
                    <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 5 }} />
                  </Form.Item>
                </Col>
              </Row>
            </>,
          )}
          {section(
            'risk',
            <>
              <Form.Item label={t('children.fields.categories')} name="categories">
                <Checkbox.Group
                  options={CATEGORIES.map((c) => ({ value: c, label: categoryLabel(c) }))}
                  style={{ rowGap: 8 }}
                />
              </Form.Item>
              <Form.Item noStyle dependencies={['categories']}>
                {({ getFieldValue }) =>
                  (getFieldValue('categories') as Category[] | undefined)?.includes('deFactoUnsupported') ? (
                    <Form.Item
                      label={t('children.fields.deFactoRecognisedOn')}
                      name="deFactoRecognisedOn"
                      extra={t('children.form.deFactoRecognisedHint')}
                      {...dateItem}
                    >
                      <DatePicker
                        format={DATE_FORMAT}
                        placeholder={t('children.common.datePlaceholder')}
                        disabledDate={(d) => d.isAfter(dayjs(), 'day')}
                        style={{ width: 220 }}
                      />
                    </Form.Item>
                  ) : null
                }
              </Form.Item>
              <Form.Item label={t('children.fields.riskLevel')} name="riskLevel" required>
                <Radio.Group>
                  {RISK_LEVELS.map((r) => (
                    <Radio key={r} value={r}>
                      <RiskTag level={r} />
                    </Radio>
                  ))}
                </Radio.Group>
              </Form.Item>
              {/* A risk above green says why. */}
              <NeededNoteField
                label={t('children.fields.riskReason')}
                name="riskReason"
                after="riskLevel"
                needed={(level) => level !== 'green'}
                message={t('validation.child.riskReasonRequired')}
                grow={[2, 5]}
                placeholder={t('children.form.riskReasonPlaceholder')}
              />
              <Form.Item label={t('children.fields.owner')} name={mayAssign ? 'ownerId' : undefined}>
                {mayAssign ? (
                  <Select
                    showSearch={{ optionFilterProp: 'label' }}
                    options={ownerOptions}
                    loading={accounts.loading}
                    placeholder={t('children.form.ownerPlaceholder')}
                  />
                ) : (
                  <Typography.Text>
                    {mode === 'create' ? user?.displayName : (profile?.ownerName ?? t('app.common.empty'))}
                    <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>
                      {t('children.form.ownerReadonly')}
                    </Typography.Text>
                  </Typography.Text>
                )}
              </Form.Item>
            </>,
          )}
          {section(
            'needs',
            <>
              <Typography.Paragraph type="secondary">{t('children.form.needsIntro')}</Typography.Paragraph>
              {NEED_KINDS.map((k) => (
                <Flex
                  key={k}
                  role="group"
                  aria-label={needLabel(k)}
                  gap={12}
                  align="flex-start"
                  style={{ marginBottom: 8 }}
                >
                  <Typography.Text strong style={{ width: 40, paddingTop: 5, flex: 'none' }}>
                    {needLabel(k)}
                  </Typography.Text>
                  <Form.Item name={['needs', k, 'note']} style={{ flex: 1, marginBottom: 0 }}>
                    <Input.TextArea
                      aria-label={t('children.form.needNote', { need: needLabel(k) })}
                      maxLength={200}
                      autoSize={{ minRows: 1, maxRows: 4 }}
                    />
                  </Form.Item>
                  <Form.Item name={['needs', k, 'met']} valuePropName="checked" style={{ marginBottom: 0 }}>
                    <Checkbox>{t('children.form.needMet')}</Checkbox>
                  </Form.Item>
                </Flex>
              ))}
            </>,
          )}
          <Flex
            justify="end"
            gap={8}
            style={{
              position: 'sticky',
              bottom: -24,
              padding: '12px 0 24px',
              background: 'var(--ant-layout-body-bg, #f5f6f8)',
              zIndex: 2,
            }}
          >
            <Button onClick={onCancel}>{t('children.form.cancel')}</Button>
            <Button type="primary" htmlType="submit" loading={submitting}>
              {mode === 'create' ? t('children.form.submitCreate') : t('children.form.submitEdit')}
            </Button>
          </Flex>
        </Form>
        <nav
          aria-label={t('children.form.sectionsLabel')}
          style={{ position: 'sticky', top: 0, width: 140, flex: 'none' }}
        >
          <Anchor
            affix={false}
            getContainer={() => scrollParent(wrapperRef.current)}
            // The app routes by the hash; the anchor must scroll, never change the route.
            onClick={(e) => e.preventDefault()}
            items={SECTIONS.map((s) => ({
              key: s,
              href: `#${sectionId(s)}`,
              title: t(`children.form.sections.${s}`),
            }))}
          />
        </nav>
      </Flex>
      <DuplicateModal
        candidates={dupes}
        mode={mode}
        saving={submitting}
        onClose={() => setDupes(null)}
        onProceed={() => pending.current && void save(pending.current, true)}
      />
    </div>
  );
}

function BasicSection({
  form,
  mode,
  profile,
  idLocked,
  setIdLocked,
  inlineDupes,
  onIdentityBlur,
}: {
  form: FormInstance<ProfileValues>;
  mode: 'create' | 'edit';
  profile?: ChildProfile;
  idLocked: boolean;
  /** Whether this user may read the registered number, which keeping it needs. */
  setIdLocked: (locked: boolean) => void;
  inlineDupes: DuplicateCandidate[];
  onIdentityBlur: () => void;
}) {
  const idValue = Form.useWatch('idNumber', form);
  const gender = Form.useWatch('gender', form);
  const birthDate = Form.useWatch('birthDate', form);
  const today = todayText();
  const idInfo = useMemo(() => {
    if (idLocked || !idValue?.trim()) return null;
    const check = checkIdNumber(idValue, today);
    return check.ok ? check.info : null;
  }, [idLocked, idValue, today]);
  const mismatch = !!idInfo && (gender !== idInfo.gender || birthDate !== idInfo.birthDate);

  /** The ID's reading of gender and birth date, when the number itself is valid. */
  const idReading = () => {
    if (idLocked) return null;
    const v = (form.getFieldValue('idNumber') as string | undefined)?.trim();
    if (!v) return null;
    const check = checkIdNumber(v, today);
    return check.ok ? check.info : null;
  };

  const fillFromId = () => {
    if (!idInfo) return;
    form.setFieldsValue({ gender: idInfo.gender, birthDate: idInfo.birthDate });
    void form.validateFields(['gender', 'birthDate']);
    onIdentityBlur();
  };

  return (
    <>
      {inlineDupes.length > 0 && (
        <Alert
          type="warning"
          showIcon
          role="alert"
          style={{ marginBottom: 16 }}
          title={t('children.duplicates.inline', { count: inlineDupes.length })}
          description={<DuplicateList candidates={inlineDupes} />}
        />
      )}
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item
            label={t('children.fields.name')}
            name="name"
            rules={[{ required: true, whitespace: true, message: t('validation.child.nameRequired') }]}
          >
            <Input
              maxLength={40}
              placeholder={t('children.form.namePlaceholder')}
              autoFocus={mode === 'create'}
              onBlur={onIdentityBlur}
            />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item
            label={t('children.fields.gender')}
            name="gender"
            dependencies={['idNumber']}
            rules={[
              { required: true, message: t('validation.child.genderRequired') },
              {
                validator: (_, value?: string) => {
                  const info = idReading();
                  return info && value && value !== info.gender
                    ? Promise.reject(
                        new Error(t('validation.child.genderMismatch', { gender: genderLabel(info.gender) })),
                      )
                    : Promise.resolve();
                },
              },
            ]}
          >
            <GenderRadio />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item
            label={t('children.fields.idNumber')}
            required={false}
            extra={
              idLocked ? undefined : idInfo ? (
                <Space size={8} wrap>
                  <span>
                    {t('children.form.idNumberInfo', {
                      gender: genderLabel(idInfo.gender),
                      date: idInfo.birthDate,
                    })}
                  </span>
                  {mismatch && (
                    <Button type="link" size="small" style={{ padding: 0 }} onClick={fillFromId}>
                      {t('children.form.fillFromId')}
                    </Button>
                  )}
                </Space>
              ) : (
                t('children.form.idNumberHint')
              )
            }
          >
            {idLocked ? (
              <Space.Compact style={{ width: '100%' }}>
                <Input
                  aria-label={t('children.fields.idNumber')}
                  value={t('children.form.idNumberKept', { masked: profile?.idNumberMasked ?? '' })}
                  disabled
                />
                <Button onClick={() => setIdLocked(false)}>{t('children.form.idNumberChange')}</Button>
              </Space.Compact>
            ) : (
              <Flex gap={8}>
                <Form.Item
                  name="idNumber"
                  noStyle
                  validateTrigger="onBlur"
                  rules={[
                    {
                      validator: (_, value?: string) => {
                        if (!value?.trim()) return Promise.resolve();
                        const check = checkIdNumber(value, today);
                        return check.ok ? Promise.resolve() : Promise.reject(new Error(t(check.error)));
                      },
                    },
                  ]}
                >
                  <Input
                    aria-label={t('children.fields.idNumber')}
                    maxLength={18}
                    placeholder={t('children.form.idNumberPlaceholder')}
                    onBlur={onIdentityBlur}
                    style={{ fontVariantNumeric: 'tabular-nums' }}
                  />
                </Form.Item>
                {mode === 'edit' && profile?.idNumberMasked && (
                  <Button
                    onClick={() => {
                      form.setFieldsValue({ idNumber: undefined });
                      setIdLocked(true);
                    }}
                  >
                    {t('children.form.idNumberKeepChange')}
                  </Button>
                )}
              </Flex>
            )}
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item
            label={t('children.fields.birthDate')}
            name="birthDate"
            dependencies={['idNumber']}
            {...dateItem}
            rules={[
              { required: true, message: t('validation.child.birthDateRequired') },
              {
                validator: (_, value?: string | null) => {
                  if (!value) return Promise.resolve();
                  if (value > today) return Promise.reject(new Error(t('errors.dateInFuture')));
                  if (mode === 'create' && ageOn(value, today) >= 18) {
                    return Promise.reject(new Error(t('validation.child.notMinor')));
                  }
                  const info = idReading();
                  return info && value !== info.birthDate
                    ? Promise.reject(new Error(t('validation.child.birthMismatch', { date: info.birthDate })))
                    : Promise.resolve();
                },
              },
            ]}
          >
            <DatePicker
              format={DATE_FORMAT}
              placeholder={t('children.common.datePlaceholder')}
              disabledDate={(d) => d.isAfter(dayjs(), 'day')}
              onChange={() => setTimeout(onIdentityBlur)}
              style={{ width: '100%' }}
            />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item label={t('children.fields.ethnicity')} name="ethnicity">
            <Select
              allowClear
              showSearch
              placeholder={t('children.form.ethnicityPlaceholder')}
              options={ETHNICITIES.map((e) => ({ value: e, label: e }))}
            />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}
