import { Col, Flex, Form, Input, Row } from 'antd';
import { CUSTODY_MEASURES, type CustodyMeasure, RELATIONS, type Relation } from '../../../db/children/codes';
import { type Catalog, t } from '../../../db/i18n';
import { type ApiInput, api } from '../api/client';
import { GenderRadio } from '../common/codeLabels';
import { CheckboxField, DateField, optionsOf, SelectField, TextField } from '../common/fields';
import { blankToNull } from '../common/forms';
import { EntryModeField, ExistingEntryField } from './shared';
import type { Picked } from './types';

type NamePath = (string | number)[];
type DetainedInput = NonNullable<ApiInput<'referrals.create'>['detained']>[number];

/** A detained person as the intake form holds them; `toDetained` makes the API's shape. */
export interface DetainedEntryValues {
  mode: 'existing' | 'new';
  personId?: Picked | null;
  person?: { name?: string; gender?: 'male' | 'female'; idNumber?: string; phone?: string };
  relation?: Relation;
  isGuardian?: boolean;
  hasCustody?: boolean;
  custody?: {
    measure?: CustodyMeasure;
    facility?: string;
    caseNumber?: string;
    charge?: string;
    startDate?: string;
    expectedRelease?: string;
  };
}

export function toDetained(v: DetainedEntryValues): DetainedInput {
  const p = v.person ?? {};
  const c = v.custody ?? {};
  return {
    ...(v.mode === 'existing'
      ? { personId: v.personId?.value ?? '' }
      : {
          person: {
            name: p.name?.trim() ?? '',
            gender: p.gender ?? null,
            idNumber: blankToNull(p.idNumber),
            phone: blankToNull(p.phone),
          },
        }),
    relation: v.relation as Relation,
    isGuardian: v.isGuardian === true,
    custody: v.hasCustody
      ? {
          measure: c.measure as CustodyMeasure,
          facility: blankToNull(c.facility),
          caseNumber: blankToNull(c.caseNumber),
          charge: blankToNull(c.charge),
          startDate: c.startDate ?? '',
          expectedRelease: c.expectedRelease || null,
        }
      : null,
  };
}

/** The name to probe for duplicate children under the same guardian (new persons only). */
export function detainedName(v: DetainedEntryValues | undefined): string | null {
  if (v?.mode !== 'new') return null;
  return v.person?.name?.trim() || null;
}

async function searchPersons(query: string): Promise<Picked[]> {
  const rows = await api('persons.search', { query });
  return rows.map((p) => ({
    value: p.id,
    label: [
      p.name,
      p.gender ? t(`codes.gender.${p.gender}`) : null,
      p.idNumberMasked,
      p.phone,
      t('referrals.detained.optionChildren', { count: p.childCount }),
    ]
      .filter(Boolean)
      .join(' · '),
  }));
}

const RELATION_OPTIONS = optionsOf(RELATIONS, (r) => t(`codes.relation.${r}`));
const MEASURE_OPTIONS = optionsOf(CUSTODY_MEASURES, (m) => t(`codes.custodyMeasure.${m}`));
const optional = t('referrals.intake.optional');
/** The custody record's lines of text, each with its example. */
const CUSTODY_TEXTS = [
  { k: 'facility', placeholder: t('referrals.detained.facilityPlaceholder') },
  { k: 'caseNumber', placeholder: t('referrals.intake.caseNumberPlaceholder') },
  { k: 'charge', placeholder: optional },
] as const;

export function DetainedEntryFields({ name, path }: { name: NamePath; path: NamePath }) {
  const form = Form.useFormInstance();
  const mode = (Form.useWatch([...path, 'mode'], form) as DetainedEntryValues['mode'] | undefined) ?? 'new';
  const hasCustody = Form.useWatch([...path, 'hasCustody'], form) === true;
  type Key = keyof Catalog['referrals']['detained'];
  // The entry's fields sit under its place in the intake's list.
  const field = (path: [Key, ...string[]]) => ({
    label: t(`referrals.detained.${path[0]}`),
    name: [...name, ...path],
  });
  const person = (k: Key) => ({ label: t(`referrals.detained.${k}`), name: [...name, 'person', k] });
  const custody = (k: Key) => ({ label: t(`referrals.detained.${k}`), name: [...name, 'custody', k] });

  return (
    <>
      <EntryModeField name={name} texts="referrals.detained" modes={['new', 'existing']} />
      <Row gutter={16}>
        {mode === 'existing' ? (
          <Col xs={24} md={16}>
            <ExistingEntryField
              name={[...name, 'personId']}
              texts="referrals.detained"
              search={searchPersons}
              typeToSearch={t('referrals.detained.pickPlaceholder')}
            />
          </Col>
        ) : (
          <>
            <Col xs={24} md={8}>
              <Form.Item
                label={t('referrals.detained.name')}
                name={[...name, 'person', 'name']}
                rules={[{ required: true, whitespace: true, message: t('validation.person.nameRequired') }]}
              >
                <Input maxLength={40} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item {...person('gender')}>
                <GenderRadio />
              </Form.Item>
            </Col>
            {(['phone', 'idNumber'] as const).map((k) => (
              <Col key={k} xs={24} md={8}>
                <TextField {...person(k)} maxLength={k === 'phone' ? 20 : 18} placeholder={optional} />
              </Col>
            ))}
          </>
        )}
        <Col xs={24} md={8}>
          <SelectField
            {...field(['relation'])}
            requiredMessage={t('validation.person.relationRequired')}
            options={RELATION_OPTIONS}
            placeholder={t('referrals.detained.relationPlaceholder')}
          />
        </Col>
      </Row>
      <Flex gap={32} wrap>
        {(['isGuardian', 'hasCustody'] as const).map((k) => (
          <CheckboxField
            key={k}
            name={[...name, k]}
            text={t(`referrals.detained.${k}`)}
            style={{ marginBottom: 12 }}
          />
        ))}
      </Flex>
      {hasCustody && (
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <SelectField
              {...custody('measure')}
              requiredMessage={t('validation.custody.measureRequired')}
              options={MEASURE_OPTIONS}
              placeholder={t('referrals.detained.measurePlaceholder')}
            />
          </Col>
          <Col xs={24} md={8}>
            <DateField
              {...custody('startDate')}
              requiredMessage={t('validation.custody.startRequired')}
              future
              width="100%"
              placeholder={t('referrals.intake.datePlaceholder')}
            />
          </Col>
          <Col xs={24} md={8}>
            <DateField {...custody('expectedRelease')} future width="100%" placeholder={optional} />
          </Col>
          {CUSTODY_TEXTS.map(({ k, placeholder }) => (
            <Col key={k} xs={24} md={8}>
              <TextField {...custody(k)} maxLength={60} placeholder={placeholder} />
            </Col>
          ))}
        </Row>
      )}
    </>
  );
}
