import {
  LockOutlined,
  MedicineBoxOutlined,
  PlusOutlined,
  ProfileOutlined,
  WarningFilled,
} from '@ant-design/icons';
import { Alert, Button, Card, Flex, Result, Spin, type TableColumnsType, Tag, Typography, theme } from 'antd';
import { useCallback, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { t } from '../../../db/i18n';
import type { ApiOutput } from '../api/client';
import { AttachmentsButton, useAttachmentCounts } from '../attachments/AttachmentsButton';
import { genderLabel, RiskTag } from '../common/codeLabels';
import { BackButton } from '../common/empty';
import { ShortTable } from '../common/ShortTable';
import { useApiQuery } from '../common/useApiQuery';
import { useReminderBadge } from '../session/reminderBadge';
import { AssessmentDialog, psychRiskLabel, SessionDialog, TreatmentDialog } from './forms';

type CounsellingRecord = ApiOutput<'counselling.forChild'>;
type Assessment = CounsellingRecord['assessments'][number];
type Session = CounsellingRecord['sessions'][number];
type Treatment = CounsellingRecord['treatments'][number];
type Dialog = 'assessment' | 'session' | 'treatment' | null;

const PSYCH_RISK_COLOR: { [k in NonNullable<Assessment['riskLevel']>]: string } = {
  high: 'red',
  medium: 'orange',
  low: 'gold',
  none: 'green',
};

/** Keyed by the child, so opening another child's record starts from a clean page. */
export function CounsellingRecordRoute() {
  const { childId = '' } = useParams();
  return <CounsellingRecordPage key={childId} childId={childId} />;
}

/** Said in place of every text the reader may not see, so nothing looks merely empty. */
function RestrictedLine() {
  return (
    <Typography.Text type="secondary" data-testid="restricted-line">
      <LockOutlined aria-hidden style={{ marginInlineEnd: 6 }} />
      {t('counselling.record.restrictedLine')}
    </Typography.Text>
  );
}

function CrisisTag() {
  return (
    <Tag color="red" variant="solid" icon={<WarningFilled />} style={{ marginInlineEnd: 0 }}>
      {t('counselling.record.crisisTag')}
    </Tag>
  );
}

function CounsellingRecordPage({ childId }: { childId: string }) {
  const navigate = useNavigate();
  const { token } = theme.useToken();
  const refreshBadge = useReminderBadge((s) => s.refresh);
  const [dialog, setDialog] = useState<Dialog>(null);
  // The header needs the child's name, age and owner; forChild returns none of them.
  const child = useApiQuery('children.get', { id: childId });
  const record = useApiQuery('counselling.forChild', { childId });
  const reload = record.reload;
  // Consents and letters behind each record. Only for those who read counselling text: to anyone
  // else the panel shows nothing and offers nothing (the core lists and counts nothing for them).
  const shown = record.data?.textVisible ? record.data : null;
  const assessmentFiles = useAttachmentCounts('assessment', shown?.assessments.map((a) => a.id) ?? []);
  const sessionFiles = useAttachmentCounts('counsellingSession', shown?.sessions.map((s) => s.id) ?? []);
  const treatmentFiles = useAttachmentCounts('treatment', shown?.treatments.map((x) => x.id) ?? []);
  const onSaved = useCallback(() => {
    setDialog(null);
    reload();
    // A follow-up date or a crisis flag changes what is due.
    refreshBadge();
  }, [reload, refreshBadge]);

  const error = child.error ?? record.error;
  if (error && (!child.data || !record.data)) {
    return (
      <Result
        status="warning"
        title={error}
        extra={<Button onClick={() => navigate('/counselling')}>{t('counselling.record.back')}</Button>}
      />
    );
  }
  if (!child.data || !record.data) {
    return (
      <Flex justify="center" style={{ padding: 64 }}>
        <Spin description={t('counselling.record.loading')} />
      </Flex>
    );
  }

  const profile = child.data.profile;
  const r = record.data;
  const canWrite = r.textVisible;
  const addButton = (which: Exclude<Dialog, null>, label: string) =>
    canWrite ? (
      <Button icon={<PlusOutlined />} onClick={() => setDialog(which)}>
        {label}
      </Button>
    ) : null;

  return (
    <>
      <BackButton to="/counselling" label={t('counselling.record.back')} />
      <Flex align="center" justify="space-between" gap={16} wrap style={{ marginBottom: 16 }}>
        <Flex align="baseline" gap={12} wrap>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {profile.name}
          </Typography.Title>
          <Typography.Text>
            {t('counselling.picker.genderAgeValue', {
              gender: genderLabel(profile.gender),
              age: profile.age,
            })}
          </Typography.Text>
          <RiskTag level={profile.riskLevel} />
          <Typography.Text type="secondary">
            {profile.ownerName
              ? t('counselling.record.owner', { owner: profile.ownerName })
              : t('counselling.record.noOwner')}
          </Typography.Text>
        </Flex>
        <Button icon={<ProfileOutlined />} onClick={() => navigate(`/children/${profile.id}`)}>
          {t('counselling.record.openFile')}
        </Button>
      </Flex>

      {r.crisis && (
        <Alert
          type="error"
          showIcon
          icon={<WarningFilled />}
          role="alert"
          data-testid="crisis-banner"
          title={<span style={{ fontSize: 18, fontWeight: 600 }}>{t('counselling.record.crisisTitle')}</span>}
          description={<span style={{ fontSize: 15 }}>{t('counselling.record.crisisText')}</span>}
          style={{ marginBottom: 16, border: `2px solid ${token.colorError}`, padding: '16px 20px' }}
        />
      )}
      {!r.textVisible && (
        <Alert
          type="info"
          showIcon
          icon={<LockOutlined />}
          data-testid="restricted-notice"
          title={t('counselling.record.restrictedTitle')}
          description={t('counselling.record.restrictedText')}
          style={{ marginBottom: 16 }}
        />
      )}

      <Flex vertical gap={16}>
        <Card
          title={t('counselling.assessments.title')}
          extra={addButton('assessment', t('counselling.assessments.add'))}
        >
          <ShortTable<Assessment>
            size="middle"
            columns={assessmentColumns(canWrite ? assessmentFiles : null)}
            rows={r.assessments}
            scroll={{ x: 'max-content' }}
            empty={t('counselling.assessments.empty')}
          />
        </Card>

        <Card
          title={t('counselling.sessions.title')}
          extra={addButton('session', t('counselling.sessions.add'))}
        >
          {r.sessions.length === 0 ? (
            <Typography.Text type="secondary">{t('counselling.sessions.empty')}</Typography.Text>
          ) : (
            <Flex vertical gap={0} data-testid="session-list">
              {r.sessions.map((s, i) => (
                <SessionEntry key={s.id} session={s} first={i === 0} files={canWrite ? sessionFiles : null} />
              ))}
            </Flex>
          )}
        </Card>

        <Card
          title={t('counselling.treatments.title')}
          extra={
            canWrite ? (
              <Button icon={<MedicineBoxOutlined />} onClick={() => setDialog('treatment')}>
                {t('counselling.treatments.add')}
              </Button>
            ) : null
          }
        >
          <Typography.Paragraph type="secondary">{t('counselling.treatments.intro')}</Typography.Paragraph>
          <ShortTable<Treatment>
            size="middle"
            columns={treatmentColumns(canWrite ? treatmentFiles : null)}
            rows={r.treatments}
            empty={t('counselling.treatments.empty')}
          />
        </Card>
      </Flex>

      {dialog === 'assessment' && (
        <AssessmentDialog childId={childId} onClose={() => setDialog(null)} onSaved={onSaved} />
      )}
      {dialog === 'session' && (
        <SessionDialog childId={childId} onClose={() => setDialog(null)} onSaved={onSaved} />
      )}
      {dialog === 'treatment' && (
        <TreatmentDialog childId={childId} onClose={() => setDialog(null)} onSaved={onSaved} />
      )}
    </>
  );
}

type Files = ReturnType<typeof useAttachmentCounts> | null;

function SessionEntry({ session: s, first, files }: { session: Session; first: boolean; files: Files }) {
  const dash = t('app.common.empty');
  const fact = (label: string, value: string) => (
    <span>
      <Typography.Text type="secondary">{label}：</Typography.Text>
      {value}
    </span>
  );
  return (
    <article
      data-testid="session-entry"
      style={{ paddingBlock: 14, borderTop: first ? undefined : '1px solid rgba(5, 5, 5, 0.06)' }}
    >
      <Flex align="center" gap={16} wrap style={{ marginBottom: 6 }}>
        <Typography.Text strong style={{ fontSize: 15 }}>
          {s.date}
        </Typography.Text>
        {/* A restricted record keeps its date, counsellor and crisis flag only (the API's rule). */}
        {s.institution !== null && fact(t('counselling.sessions.institution'), s.institution)}
        {fact(t('counselling.sessions.counsellor'), s.counsellor)}
        {s.minutes !== null &&
          fact(
            t('counselling.sessions.duration'),
            t('counselling.sessions.minutesValue', { minutes: s.minutes }),
          )}
        {!s.restricted && fact(t('counselling.sessions.nextFollowUp'), s.nextFollowUp ?? dash)}
        {s.crisis && <CrisisTag />}
        {files && (
          <AttachmentsButton
            recordKind="counsellingSession"
            recordId={s.id}
            label={`${s.date} ${t('attachments.records.counsellingSession')}`}
            count={files.counts[s.id]}
            onChange={files.reload}
          />
        )}
      </Flex>
      {s.restricted ? (
        <RestrictedLine />
      ) : (
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }} data-testid="session-summary">
          {s.summary}
        </Typography.Paragraph>
      )}
      {s.sharedNote && (
        <Typography.Paragraph
          style={{ whiteSpace: 'pre-wrap', margin: '8px 0 0' }}
          data-testid="session-shared-note"
        >
          <Typography.Text type="secondary">{t('counselling.sessions.sharedNote')}：</Typography.Text>
          {s.sharedNote}
        </Typography.Paragraph>
      )}
    </article>
  );
}

function assessmentColumns(files: Files): TableColumnsType<Assessment> {
  const cols: TableColumnsType<Assessment> = [
    { title: t('counselling.assessments.date'), dataIndex: 'date', key: 'date', width: 120 },
    {
      title: t('counselling.assessments.instrument'),
      dataIndex: 'instrument',
      key: 'instrument',
      render: (v: string | null) => v ?? t('app.common.empty'),
    },
    {
      title: t('counselling.assessments.risk'),
      dataIndex: 'riskLevel',
      key: 'risk',
      render: (v: Assessment['riskLevel']) =>
        v === null ? (
          t('app.common.empty')
        ) : (
          <Tag color={PSYCH_RISK_COLOR[v]} style={{ marginInlineEnd: 0 }}>
            {psychRiskLabel(v)}
          </Tag>
        ),
    },
    {
      title: t('counselling.assessments.consent'),
      key: 'consent',
      // Only assessments with both consents can be saved (the API refuses the rest).
      render: (_, a) =>
        a.restricted ? (
          t('app.common.empty')
        ) : (
          <Typography.Text type="success" title={t('counselling.assessments.consentTip')}>
            {t('counselling.assessments.consentGiven')}
          </Typography.Text>
        ),
    },
    {
      title: t('counselling.assessments.crisis'),
      dataIndex: 'crisis',
      key: 'crisis',
      render: (v: boolean) => (v ? <CrisisTag /> : t('counselling.record.none')),
    },
    { title: t('counselling.assessments.assessor'), dataIndex: 'assessor', key: 'assessor' },
    {
      title: `${t('counselling.assessments.score')} / ${t('counselling.assessments.notes')}`,
      key: 'text',
      render: (_, a) =>
        a.restricted ? (
          <RestrictedLine />
        ) : (
          <span style={{ whiteSpace: 'pre-wrap' }}>
            {[a.score, a.notes].filter(Boolean).join('；') || t('app.common.empty')}
          </span>
        ),
    },
  ];
  if (files)
    cols.push({
      title: t('attachments.title'),
      key: 'attachments',
      render: (_, a) => (
        <AttachmentsButton
          recordKind="assessment"
          recordId={a.id}
          label={`${a.date} ${t('attachments.records.assessment')}`}
          count={files.counts[a.id]}
          defaultKind="consent"
          hint={t('attachments.consentHint')}
          onChange={files.reload}
        />
      ),
    });
  return cols;
}

function treatmentColumns(files: Files): TableColumnsType<Treatment> {
  const text = (v: string | null, row: Treatment) =>
    row.restricted ? (
      <RestrictedLine />
    ) : (
      <span style={{ whiteSpace: 'pre-wrap' }}>{v || t('app.common.empty')}</span>
    );
  const cols: TableColumnsType<Treatment> = [
    { title: t('counselling.treatments.date'), dataIndex: 'date', key: 'date', width: 120 },
    {
      title: t('counselling.treatments.institution'),
      dataIndex: 'institution',
      key: 'institution',
      render: (v: string | null) => v ?? t('app.common.empty'),
    },
    { title: t('counselling.treatments.reason'), dataIndex: 'reason', key: 'reason', render: text },
    { title: t('counselling.treatments.outcome'), dataIndex: 'outcome', key: 'outcome', render: text },
  ];
  if (files)
    cols.push({
      title: t('attachments.title'),
      key: 'attachments',
      render: (_, r) => (
        <AttachmentsButton
          recordKind="treatment"
          recordId={r.id}
          label={`${r.date} ${t('attachments.records.treatment')}`}
          count={files.counts[r.id]}
          onChange={files.reload}
        />
      ),
    });
  return cols;
}
