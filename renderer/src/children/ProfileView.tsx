import { EditOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, type DescriptionsProps, Flex, Tag, Typography } from 'antd';
import { NEED_KINDS } from '../../../db/children/codes';
import { t } from '../../../db/i18n';
import './children.css';
import { genderLabel, guardianshipLabel, needLabel, RiskTag, relationLabel } from '../common/codeLabels';
import { CategoryTags, MaskedId, orNone } from './parts';
import type { ChildFile, ChildProfile, PersonLink } from './types';

const DESCRIPTION_STYLES = { label: { width: 140 } };

/** The whole profile to read, in the form's sections, with the way into the form. */
export function ProfileView({
  profile,
  relations,
  guardianship,
  onEdit,
}: {
  profile: ChildProfile;
  relations: PersonLink[];
  guardianship: ChildFile['guardianship'];
  onEdit: () => void;
}) {
  // As the header: the chosen caregiver, else the relative marked as caring for the child.
  const caregiver =
    relations.find((r) => r.person.id === profile.caregiverPersonId) ?? relations.find((r) => r.isCaregiver);
  const boarding =
    profile.boarding === null
      ? null
      : profile.boarding
        ? t('children.boarding.yes')
        : t('children.boarding.no');
  const needs = NEED_KINDS.filter((k) => profile.needs[k]);

  const sections: { key: string; items: DescriptionsProps['items'] }[] = [
    {
      key: 'basic',
      items: [
        { key: 'name', label: t('children.fields.name'), children: profile.name },
        { key: 'gender', label: t('children.fields.gender'), children: genderLabel(profile.gender) },
        { key: 'birth', label: t('children.fields.birthDate'), children: profile.birthDate },
        {
          key: 'id',
          label: t('children.fields.idNumber'),
          children: <MaskedId value={profile.idNumberMasked} />,
        },
        { key: 'ethnicity', label: t('children.fields.ethnicity'), children: orNone(profile.ethnicity) },
      ],
    },
    {
      key: 'address',
      items: [
        { key: 'township', label: t('children.fields.township'), children: profile.township },
        { key: 'village', label: t('children.fields.village'), children: orNone(profile.village) },
        {
          key: 'household',
          label: t('children.fields.householdAddress'),
          children: orNone(profile.householdAddress),
          span: 2,
        },
        {
          key: 'current',
          label: t('children.fields.currentAddress'),
          children: orNone(profile.currentAddress),
          span: 2,
        },
      ],
    },
    {
      key: 'school',
      items: [
        { key: 'school', label: t('children.fields.school'), children: orNone(profile.school) },
        { key: 'grade', label: t('children.fields.grade'), children: orNone(profile.grade) },
        { key: 'boarding', label: t('children.fields.boarding'), children: orNone(boarding) },
        { key: 'health', label: t('children.fields.healthNotes'), children: orNone(profile.healthNotes) },
        {
          key: 'disability',
          label: t('children.fields.disabilityNotes'),
          children: orNone(profile.disabilityNotes),
          span: 2,
        },
      ],
    },
    {
      key: 'guardianship',
      items: [
        {
          key: 'situation',
          label: t('children.fields.guardianshipSituation'),
          children: (
            <Flex vertical gap={2}>
              {orNone(profile.guardianshipSituation && guardianshipLabel(profile.guardianshipSituation))}
              {guardianship.derived && guardianship.situation && (
                <Typography.Text type="secondary">
                  {t('children.profile.derivedSituation', {
                    situation: guardianshipLabel(guardianship.situation),
                  })}
                </Typography.Text>
              )}
            </Flex>
          ),
        },
        {
          key: 'caregiver',
          label: t('children.fields.caregiver'),
          children: orNone(
            caregiver &&
              t('children.form.caregiverOption', {
                name: caregiver.person.name,
                relation: relationLabel(caregiver.relation),
              }),
          ),
        },
        {
          key: 'note',
          label: t('children.fields.guardianshipNote'),
          children: orNone(profile.guardianshipNote),
          span: 2,
        },
      ],
    },
    {
      key: 'risk',
      items: [
        {
          key: 'level',
          label: t('children.fields.riskLevel'),
          children: <RiskTag level={profile.riskLevel} />,
        },
        { key: 'owner', label: t('children.fields.owner'), children: orNone(profile.ownerName) },
        {
          key: 'categories',
          label: t('children.fields.categories'),
          children: <CategoryTags categories={profile.categories} />,
          span: 2,
        },
        ...(profile.deFactoRecognisedOn
          ? [
              {
                key: 'deFactoRecognisedOn',
                label: t('children.fields.deFactoRecognisedOn'),
                children: profile.deFactoRecognisedOn,
                span: 2,
              },
            ]
          : []),
        {
          key: 'reason',
          label: t('children.fields.riskReason'),
          children: orNone(profile.riskReason),
          span: 2,
        },
      ],
    },
  ];

  return (
    <Card
      title={t('children.file.tabs.profile')}
      extra={
        <Button icon={<EditOutlined />} onClick={onEdit}>
          {t('children.file.actions.edit')}
        </Button>
      }
    >
      <Flex vertical gap={20}>
        {sections.map((s) => (
          <Descriptions
            key={s.key}
            className="child-facts"
            title={t(`children.form.sections.${s.key as 'basic'}`)}
            size="small"
            bordered
            column={2}
            items={s.items}
            styles={DESCRIPTION_STYLES}
          />
        ))}
        <Descriptions
          className="child-facts"
          title={t('children.form.sections.needs')}
          size="small"
          bordered
          column={1}
          styles={DESCRIPTION_STYLES}
          items={
            needs.length
              ? needs.map((k) => {
                  const need = profile.needs[k]!;
                  return {
                    key: k,
                    label: needLabel(k),
                    children: (
                      <Flex gap={8} align="baseline">
                        <Tag color={need.met ? 'green' : 'orange'}>
                          {need.met ? t('children.profile.needMet') : t('children.profile.needUnmet')}
                        </Tag>
                        <span>{need.note}</span>
                      </Flex>
                    ),
                  };
                })
              : [
                  {
                    key: 'none',
                    label: t('children.fields.needs'),
                    children: (
                      <Typography.Text type="secondary">{t('children.profile.noNeeds')}</Typography.Text>
                    ),
                  },
                ]
          }
        />
      </Flex>
    </Card>
  );
}
