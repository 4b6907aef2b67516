import { Alert, Button, Col, DatePicker, Flex, Form, Input, Row, Select, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { TOWNSHIPS } from '../../../db/children/inputs';
import { t } from '../../../db/i18n';
import { type ApiInput, type ApiOutput, api } from '../api/client';
import { GenderRadio } from '../common/codeLabels';
import { DATE_FORMAT } from '../common/dates';
import { blankToNull } from '../common/forms';
import { InfoNote } from '../common/InfoNote';
import { useApiQuery } from '../common/useApiQuery';
import { dateItem, EntryModeField, ExistingEntryField } from './shared';
import type { NewChildInput, Picked } from './types';

type Candidate = ApiOutput<'children.checkDuplicates'>[number];
type NamePath = (string | number)[];

/** One child the referral names, as the form holds it; `toNamedChild` makes the API's shape. */
export interface ChildEntryValues {
  mode: 'existing' | 'new';
  childId?: Picked | null;
  child?: {
    name?: string;
    gender?: NewChildInput['gender'];
    birthDate?: string;
    idNumber?: string;
    township?: NewChildInput['township'];
    village?: string;
    school?: string;
    acknowledgeDuplicates?: boolean;
  };
}

export function toNamedChild(v: ChildEntryValues): { childId: string } | { child: NewChildInput } {
  if (v.mode === 'existing') return { childId: v.childId?.value ?? '' };
  const c = v.child ?? {};
  return {
    child: {
      name: c.name?.trim() ?? '',
      gender: c.gender as NewChildInput['gender'],
      birthDate: c.birthDate ?? '',
      idNumber: blankToNull(c.idNumber),
      township: c.township as NewChildInput['township'],
      village: blankToNull(c.village),
      school: blankToNull(c.school),
      acknowledgeDuplicates: c.acknowledgeDuplicates === true,
    },
  };
}

const SEARCH_LIMIT = 20;

/** Holds a form value no one edits directly (the duplicate acknowledgement). */
function Unshown(_: { value?: unknown; onChange?: unknown }) {
  return null;
}

async function searchChildren(query: string): Promise<Picked[]> {
  const { rows } = await api('children.list', { query, limit: SEARCH_LIMIT });
  return rows.map((r) => ({
    value: r.id,
    label: [
      r.name,
      t(`codes.gender.${r.gender}`),
      r.birthDate,
      r.idNumberMasked ?? t('referrals.child.optionNoId'),
      `${r.township}${r.village ?? ''}`,
    ].join(' · '),
  }));
}

function candidateLabel(c: Candidate): string {
  return [
    c.name,
    c.birthDate,
    c.idNumberMasked ?? t('referrals.child.optionNoId'),
    `${c.township}${c.village ?? ''}`,
  ].join(' · ');
}

/**
 * A child named by the referral: pick one already on file, or register a new one here.
 * `name` is the Form.Item name prefix (relative inside a Form.List), `path` the same place
 * from the form's root, for watching and setting values.
 */
export function ChildEntryFields({
  name,
  path,
  guardianNames = [],
  linkedIds = [],
}: {
  name: NamePath;
  path: NamePath;
  guardianNames?: string[];
  /** Children the referral names already: shown as look-alikes, not offered for linking again. */
  linkedIds?: string[];
}) {
  const form = Form.useFormInstance();
  const mode = (Form.useWatch([...path, 'mode'], form) as ChildEntryValues['mode'] | undefined) ?? 'existing';

  return (
    <>
      <EntryModeField name={name} texts="referrals.child" modes={['existing', 'new']} />
      {mode === 'existing' ? (
        <ExistingEntryField
          name={[...name, 'childId']}
          texts="referrals.child"
          search={searchChildren}
          typeToSearch={t('referrals.child.typeToSearch')}
        />
      ) : (
        <NewChildFields
          name={[...name, 'child']}
          path={[...path, 'child']}
          guardianNames={guardianNames}
          linkedIds={linkedIds}
          onUseExisting={(picked) => {
            const entry = { mode: 'existing', childId: picked };
            if (path.length > 0) form.setFieldValue(path, entry);
            else form.setFieldsValue(entry);
          }}
        />
      )}
    </>
  );
}

function NewChildFields({
  name,
  path,
  guardianNames,
  linkedIds,
  onUseExisting,
}: {
  name: NamePath;
  path: NamePath;
  guardianNames: string[];
  linkedIds: string[];
  onUseExisting: (picked: Picked) => void;
}) {
  const townships = useMemo(() => TOWNSHIPS.map((v) => ({ value: v, label: v })), []);
  return (
    <>
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item
            label={t('children.fields.name')}
            name={[...name, 'name']}
            rules={[{ required: true, whitespace: true, message: t('validation.child.nameRequired') }]}
          >
            <Input placeholder={t('referrals.child.namePlaceholder')} maxLength={40} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item
            label={t('children.fields.gender')}
            name={[...name, 'gender']}
            rules={[{ required: true, message: t('validation.child.genderRequired') }]}
          >
            <GenderRadio />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item
            label={t('children.fields.birthDate')}
            name={[...name, 'birthDate']}
            rules={[{ required: true, message: t('validation.child.birthDateRequired') }]}
            {...dateItem}
          >
            <DatePicker
              format={DATE_FORMAT}
              placeholder={t('referrals.intake.datePlaceholder')}
              disabledDate={(d) => d.isAfter(dayjs(), 'day')}
              style={{ width: '100%' }}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item
            label={t('children.fields.idNumber')}
            name={[...name, 'idNumber']}
            extra={t('referrals.child.idNumberHint')}
          >
            <Input placeholder={t('referrals.child.idNumberPlaceholder')} maxLength={18} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item
            label={t('children.fields.township')}
            name={[...name, 'township']}
            rules={[{ required: true, message: t('validation.child.townshipRequired') }]}
          >
            <Select showSearch options={townships} placeholder={t('referrals.child.townshipPlaceholder')} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item label={t('children.fields.village')} name={[...name, 'village']}>
            <Input placeholder={t('referrals.intake.optional')} maxLength={60} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item label={t('children.fields.school')} name={[...name, 'school']}>
            <Input placeholder={t('referrals.intake.optional')} maxLength={80} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name={[...name, 'acknowledgeDuplicates']} hidden>
        <Unshown />
      </Form.Item>
      <DuplicateCheck
        path={path}
        guardianNames={guardianNames}
        linkedIds={linkedIds}
        onUseExisting={onUseExisting}
      />
    </>
  );
}

const PROBE_DEBOUNCE_MS = 300;

/** Asks the API, as the caseworker types, whether this child may already be on file. */
function DuplicateCheck({
  path,
  guardianNames,
  linkedIds,
  onUseExisting,
}: {
  path: NamePath;
  guardianNames: string[];
  linkedIds: string[];
  onUseExisting: (picked: Picked) => void;
}) {
  const form = Form.useFormInstance();
  const child = Form.useWatch(path, form) as ChildEntryValues['child'] | undefined;
  const acknowledged = child?.acknowledgeDuplicates === true;
  const name = child?.name?.trim() ?? '';
  const birthDate = child?.birthDate ?? null;
  const idNumber = child?.idNumber?.trim() ?? '';
  const guardians = guardianNames.join('\n');

  const [probe, setProbe] = useState<ApiInput<'children.checkDuplicates'> | null>(null);
  useEffect(() => {
    const enough = name !== '' && (birthDate !== null || idNumber.length === 18);
    const timer = setTimeout(
      () =>
        setProbe(
          enough
            ? {
                name,
                birthDate,
                idNumber: idNumber || null,
                guardianNames: guardians ? guardians.split('\n') : [],
              }
            : null,
        ),
      PROBE_DEBOUNCE_MS,
    );
    return () => clearTimeout(timer);
  }, [name, birthDate, idNumber, guardians]);

  const { data } = useApiQuery('children.checkDuplicates', probe);
  const candidates = probe ? (data ?? []) : [];
  const ids = candidates.map((c) => c.id).join(',');

  // A different set of look-alikes has not been looked at yet.
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset on a change of the candidates only.
  useEffect(() => {
    if (form.getFieldValue([...path, 'acknowledgeDuplicates'])) {
      form.setFieldValue([...path, 'acknowledgeDuplicates'], false);
    }
  }, [ids]);

  if (candidates.length === 0) return null;
  const setAck = (v: boolean) => form.setFieldValue([...path, 'acknowledgeDuplicates'], v);

  if (acknowledged) {
    return (
      <InfoNote
        title={t('referrals.duplicates.acknowledged')}
        action={
          <Button size="small" type="link" onClick={() => setAck(false)}>
            {t('referrals.duplicates.undo')}
          </Button>
        }
      />
    );
  }

  return (
    <Alert
      type="warning"
      showIcon
      role="alert"
      data-testid="duplicate-warning"
      style={{ marginBottom: 16 }}
      title={t('referrals.duplicates.title')}
      description={
        <>
          <Typography.Paragraph style={{ marginBottom: 8 }}>
            {t('referrals.duplicates.text')}
          </Typography.Paragraph>
          <ul style={{ margin: '0 0 8px', paddingInlineStart: 18 }}>
            {candidates.map((c) =>
              c.hidden ? (
                <li key="hidden" style={{ marginBottom: 4 }}>
                  {t('children.duplicates.hiddenIdMatch')}
                </li>
              ) : (
                <li key={c.id} style={{ marginBottom: 4 }}>
                  <Flex gap={8} wrap align="center">
                    <span>
                      {candidateLabel(c)}
                      {c.status === 'closed' ? t('referrals.duplicates.statusClosed') : ''}
                    </span>
                    <Typography.Text type="secondary">
                      {c.reasons.map((r) => t(`referrals.duplicates.reasons.${r}`)).join('；')}
                    </Typography.Text>
                    {linkedIds.includes(c.id) ? (
                      <Typography.Text type="secondary">
                        {t('referrals.duplicates.alreadyLinked')}
                      </Typography.Text>
                    ) : (
                      <Button
                        size="small"
                        onClick={() => onUseExisting({ value: c.id, label: candidateLabel(c) })}
                      >
                        {t('referrals.duplicates.useThis')}
                      </Button>
                    )}
                  </Flex>
                </li>
              ),
            )}
          </ul>
          <Button size="small" danger onClick={() => setAck(true)}>
            {t('referrals.duplicates.registerAnyway')}
          </Button>
        </>
      }
    />
  );
}
