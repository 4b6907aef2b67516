import { Checkbox, Col, DatePicker, Flex, Form, Input, Row, Select } from 'antd';
import { useMemo } from 'react';
import { CUSTODY_MEASURES, type CustodyMeasure, RELATIONS, type Relation } from '../../../db/children/codes';
import { t } from '../../../db/i18n';
import { type ApiInput, api } from '../api/client';
import { GenderRadio } from '../common/codeLabels';
import { DATE_FORMAT } from '../common/dates';
import { blankToNull } from '../common/forms';
import { dateItem, EntryModeField, ExistingEntryField } from './shared';
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

export function DetainedEntryFields({ name, path }: { name: NamePath; path: NamePath }) {
  const form = Form.useFormInstance();
  const mode = (Form.useWatch([...path, 'mode'], form) as DetainedEntryValues['mode'] | undefined) ?? 'new';
  const hasCustody = Form.useWatch([...path, 'hasCustody'], form) === true;
  const relations = useMemo(() => RELATIONS.map((r) => ({ value: r, label: t(`codes.relation.${r}`) })), []);
  const measures = useMemo(
    () => CUSTODY_MEASURES.map((m) => ({ value: m, label: t(`codes.custodyMeasure.${m}`) })),
    [],
  );

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
              <Form.Item label={t('referrals.detained.gender')} name={[...name, 'person', 'gender']}>
                <GenderRadio />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item label={t('referrals.detained.phone')} name={[...name, 'person', 'phone']}>
                <Input placeholder={t('referrals.intake.optional')} maxLength={20} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item label={t('referrals.detained.idNumber')} name={[...name, 'person', 'idNumber']}>
                <Input placeholder={t('referrals.intake.optional')} maxLength={18} />
              </Form.Item>
            </Col>
          </>
        )}
        <Col xs={24} md={8}>
          <Form.Item
            label={t('referrals.detained.relation')}
            name={[...name, 'relation']}
            rules={[{ required: true, message: t('validation.person.relationRequired') }]}
          >
            <Select options={relations} placeholder={t('referrals.detained.relationPlaceholder')} />
          </Form.Item>
        </Col>
      </Row>
      <Flex gap={32} wrap>
        <Form.Item name={[...name, 'isGuardian']} valuePropName="checked" style={{ marginBottom: 12 }}>
          <Checkbox>{t('referrals.detained.isGuardian')}</Checkbox>
        </Form.Item>
        <Form.Item name={[...name, 'hasCustody']} valuePropName="checked" style={{ marginBottom: 12 }}>
          <Checkbox>{t('referrals.detained.hasCustody')}</Checkbox>
        </Form.Item>
      </Flex>
      {hasCustody && (
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item
              label={t('referrals.detained.measure')}
              name={[...name, 'custody', 'measure']}
              rules={[{ required: true, message: t('validation.custody.measureRequired') }]}
            >
              <Select options={measures} placeholder={t('referrals.detained.measurePlaceholder')} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item
              label={t('referrals.detained.startDate')}
              name={[...name, 'custody', 'startDate']}
              rules={[{ required: true, message: t('validation.custody.startRequired') }]}
              {...dateItem}
            >
              <DatePicker
                format={DATE_FORMAT}
                placeholder={t('referrals.intake.datePlaceholder')}
                style={{ width: '100%' }}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item
              label={t('referrals.detained.expectedRelease')}
              name={[...name, 'custody', 'expectedRelease']}
              {...dateItem}
            >
              <DatePicker
                format={DATE_FORMAT}
                placeholder={t('referrals.intake.optional')}
                style={{ width: '100%' }}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item label={t('referrals.detained.facility')} name={[...name, 'custody', 'facility']}>
              <Input placeholder={t('referrals.detained.facilityPlaceholder')} maxLength={60} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item label={t('referrals.detained.caseNumber')} name={[...name, 'custody', 'caseNumber']}>
              <Input placeholder={t('referrals.intake.caseNumberPlaceholder')} maxLength={60} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item label={t('referrals.detained.charge')} name={[...name, 'custody', 'charge']}>
              <Input placeholder={t('referrals.intake.optional')} maxLength={60} />
            </Form.Item>
          </Col>
        </Row>
      )}
    </>
  );
}
