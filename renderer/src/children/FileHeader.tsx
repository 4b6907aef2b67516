import { EyeInvisibleOutlined, EyeOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Descriptions,
  type DescriptionsProps,
  Flex,
  Space,
  Tag,
  Typography,
} from 'antd';
import type { ReactNode } from 'react';
import { t } from '../../../db/i18n';
import { formatDate } from '../common/dates';
import { InfoNote } from '../common/InfoNote';
import './children.css';
import {
  closeReasonLabel,
  genderLabel,
  guardianshipLabel,
  measureLabel,
  RiskTag,
  relationLabel,
} from '../common/codeLabels';
import { daysUntil, todayText } from '../common/dates';
import { CategoryTags, MaskedId, RELEASE_SOON_DAYS, StatusTag } from './parts';
import type { ChildFile } from './types';

/** How near a detained relative's expected release is, as a tag, or nothing when far off. */
export function ReleaseTag({ date, today = todayText() }: { date: string | null; today?: string }) {
  if (!date) return null;
  const days = daysUntil(date, today);
  if (days < 0) return <Tag color="red">{t('children.file.header.releaseOverdue')}</Tag>;
  if (days === 0) return <Tag color="orange">{t('children.file.header.releaseToday')}</Tag>;
  if (days <= RELEASE_SOON_DAYS)
    return <Tag color="orange">{t('children.file.header.releaseSoon', { days })}</Tag>;
  return null;
}

export function FileHeader({
  file,
  revealed,
  canReveal,
  revealing,
  onReveal,
  onHide,
  actions,
}: {
  file: ChildFile;
  revealed: string | null;
  /** The core lets a caseworker reveal only the numbers of their own children. */
  canReveal: boolean;
  revealing: boolean;
  onReveal: () => void;
  onHide: () => void;
  actions: ReactNode;
}) {
  const { profile, caregiver, detained, guardianship } = file;
  const today = todayText();
  const none = <Typography.Text type="secondary">{t('children.common.none')}</Typography.Text>;

  const idNumber = (
    <Space size={8} wrap>
      {revealed ? (
        <>
          <span data-testid="full-id-number" style={{ fontVariantNumeric: 'tabular-nums' }}>
            {revealed}
          </span>
          <Typography.Text type="warning">{t('children.file.header.revealedNote')}</Typography.Text>
          <Button size="small" icon={<EyeInvisibleOutlined />} onClick={onHide}>
            {t('children.file.header.hide')}
          </Button>
        </>
      ) : (
        <>
          <MaskedId value={profile.idNumberMasked} />
          {profile.idNumberMasked && canReveal && (
            <Button size="small" icon={<EyeOutlined />} loading={revealing} onClick={onReveal}>
              {t('children.file.header.reveal')}
            </Button>
          )}
        </>
      )}
    </Space>
  );

  const detainedList = detained.length ? (
    <Flex vertical gap={4}>
      {detained.map((d) => (
        <span key={`${d.personId}-${d.measure}-${d.expectedRelease}`}>
          {t('children.file.header.detainedItem', {
            relation: relationLabel(d.relation),
            name: d.name,
            measure: measureLabel(d.measure),
            release: d.expectedRelease
              ? t('children.file.header.expected', { date: d.expectedRelease })
              : t('children.file.header.expectedNone'),
          })}{' '}
          <ReleaseTag date={d.expectedRelease} today={today} />
        </span>
      ))}
    </Flex>
  ) : (
    <Typography.Text type="secondary">{t('children.file.header.detainedNone')}</Typography.Text>
  );

  const situation = guardianship.effectiveSituation ? (
    <Space size={8} wrap>
      <span>{guardianshipLabel(guardianship.effectiveSituation)}</span>
      <Tag color={guardianship.derived ? 'blue' : 'default'}>
        {guardianship.derived ? t('children.file.header.derived') : t('children.file.header.entered')}
      </Tag>
    </Space>
  ) : (
    none
  );

  const items: DescriptionsProps['items'] = [
    { key: 'id', label: t('children.fields.idNumber'), children: idNumber },
    { key: 'birth', label: t('children.fields.birthDate'), children: profile.birthDate },
    {
      key: 'caregiver',
      label: t('children.fields.caregiver'),
      children: caregiver ? (
        <span>
          {t('children.file.header.caregiverText', {
            name: caregiver.name,
            relation: relationLabel(caregiver.relation),
          })}{' '}
          <Typography.Text copyable={!!caregiver.phone} type={caregiver.phone ? undefined : 'secondary'}>
            {caregiver.phone ?? t('children.file.header.phoneNone')}
          </Typography.Text>
        </span>
      ) : (
        <Typography.Text type="secondary">{t('children.file.header.caregiverNone')}</Typography.Text>
      ),
    },
    {
      key: 'place',
      label: t('children.file.header.place'),
      children: profile.village ? `${profile.township} ${profile.village}` : profile.township,
    },
    { key: 'detained', label: t('children.file.header.detained'), children: detainedList },
    { key: 'owner', label: t('children.fields.owner'), children: profile.ownerName ?? none },
    { key: 'guardianship', label: t('children.fields.guardianshipSituation'), children: situation },
    {
      key: 'categories',
      label: t('children.fields.categories'),
      children: <CategoryTags categories={profile.categories} />,
    },
  ];

  return (
    <Card style={{ marginBottom: 16 }} role="region" aria-label={t('children.file.header.label')}>
      <Flex justify="space-between" align="flex-start" gap={16} wrap style={{ marginBottom: 16 }}>
        <Flex align="center" gap={12} wrap>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {profile.name}
          </Typography.Title>
          <Typography.Text style={{ fontSize: 16 }}>
            {t('children.common.genderAge', { gender: genderLabel(profile.gender), age: profile.age })}
          </Typography.Text>
          <StatusTag status={profile.status} />
          <RiskTag level={profile.riskLevel} />
        </Flex>
        {actions}
      </Flex>
      {guardianship.flagDeFactoUnsupported && (
        <Alert
          type="warning"
          showIcon
          role="alert"
          style={{ marginBottom: 16 }}
          title={t('children.file.header.flagDeFacto')}
          description={t('children.file.header.flagDeFactoHint')}
        />
      )}
      {profile.status === 'closed' && (
        <InfoNote
          title={t('children.file.header.closed', {
            date: profile.closedAt ? formatDate(profile.closedAt) : '',
            reason: profile.closeReason ? closeReasonLabel(profile.closeReason) : '',
          })}
          description={profile.closeNote ?? undefined}
        />
      )}
      <Descriptions
        className="child-facts"
        size="small"
        column={2}
        items={items}
        bordered
        styles={{ label: { width: 124 } }}
      />
    </Card>
  );
}
