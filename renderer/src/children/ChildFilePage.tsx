import { DeleteOutlined, EditOutlined, FileDoneOutlined, UndoOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Result, Spin, Tabs, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { t } from '../../../db/i18n';
import { api, toApiCallError } from '../api/client';
import { AttachmentsPanel } from '../attachments/AttachmentsPanel';
import { todayText } from '../common/dates';
import { BackButton } from '../common/empty';
import { ReasonModal } from '../common/StepModal';
import { SummaryExportButton } from '../print/PrintButtons';
import { CloseModal } from './CloseModal';
import { deriveFileParts } from './derive';
import { FileHeader } from './FileHeader';
import { ProfileForm } from './ProfileForm';
import { ProfileView } from './ProfileView';
import { RelativesTab } from './RelativesTab';
import { TimelineTab } from './TimelineTab';
import type { ChildFile, ChildProfile, CustodyView, PersonLink, PersonView } from './types';

type TabKey = 'profile' | 'relatives' | 'timeline' | 'attachments';

/** Keyed by the id, so opening another child's file starts from a clean page. */
export function ChildFileRoute() {
  const { id = '' } = useParams();
  return <ChildFilePage key={id} id={id} />;
}

/**
 * A child's file. It is read once when opened (each children.get is an audited view); after
 * that, every write's answer is merged in here instead of reading the file again.
 */
function ChildFilePage({ id }: { id: string }) {
  const navigate = useNavigate();
  const { message, modal } = App.useApp();
  const [file, setFile] = useState<ChildFile | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loadCount, setLoadCount] = useState(0);
  const [tab, setTab] = useState<TabKey>('profile');
  const [editing, setEditing] = useState(false);
  const [changed, setChanged] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [closing, setClosing] = useState(false);
  const [shownId, setShownId] = useState<string | null>(null);
  const [revealAsked, setRevealAsked] = useState(false);
  // The full number once read in this opening, so editing can keep it without reading again.

  // biome-ignore lint/correctness/useExhaustiveDependencies: loadCount is the explicit reload trigger.
  useEffect(() => {
    let current = true;
    api('children.get', { id })
      .then((f) => {
        if (!current) return;
        setFile(f);
        setError(null);
        setChanged(false);
      })
      .catch((err) => {
        const e = toApiCallError(err);
        if (current && e.code !== 'LOCKED') setError(e.message);
      });
    return () => {
      current = false;
    };
  }, [id, loadCount]);

  const reload = useCallback(() => setLoadCount((n) => n + 1), []);

  /** Someone else saved in between: say so, and read the file again. */
  const onStale = useCallback(
    (msg: string) => {
      setNotice(`${msg} ${t('children.file.conflictReloaded')}`);
      setClosing(false);
      reload();
    },
    [reload],
  );

  const updateFile = useCallback(
    (change: (f: ChildFile) => { profile: ChildProfile; relations: PersonLink[] }) => {
      setFile((f) => {
        if (!f) return f;
        const { profile, relations } = change(f);
        return { ...f, profile, relations, ...deriveFileParts(profile, relations, todayText()) };
      });
      setChanged(true);
    },
    [],
  );

  const onProfile = useCallback(
    (profile: ChildProfile) => updateFile((f) => ({ profile, relations: f.relations })),
    [updateFile],
  );
  const onRelations = useCallback(
    (relations: PersonLink[]) =>
      updateFile((f) => ({
        // Unlinking the caregiver clears the child's caregiver in the core; mirror it.
        profile: relations.some((r) => r.person.id === f.profile.caregiverPersonId)
          ? f.profile
          : { ...f.profile, caregiverPersonId: null },
        relations,
      })),
    [updateFile],
  );
  const onPerson = useCallback(
    (person: PersonView) =>
      updateFile((f) => ({
        profile: f.profile,
        relations: f.relations.map((r) => (r.person.id === person.id ? { ...r, person } : r)),
      })),
    [updateFile],
  );
  const onCustody = useCallback(
    (personId: string, record: CustodyView) =>
      updateFile((f) => ({
        profile: f.profile,
        relations: f.relations.map((r) =>
          r.person.id === personId
            ? {
                ...r,
                custody: [...r.custody.filter((c) => c.id !== record.id), record].sort((a, b) =>
                  a.startDate < b.startDate ? -1 : 1,
                ),
              }
            : r,
        ),
      })),
    [updateFile],
  );

  if (error && !file) {
    return (
      <Result
        status="warning"
        title={error}
        extra={<Button onClick={() => navigate('/children')}>{t('children.file.back')}</Button>}
      />
    );
  }
  if (!file) {
    return (
      <Flex justify="center" style={{ padding: 64 }}>
        <Spin description={t('children.file.loading')} />
      </Flex>
    );
  }

  const { profile } = file;
  // The one policy decides, in the core; the file says what it allows this reader.
  const canReveal = file.permissions.revealId;
  const failed = (err: unknown) => {
    const e = toApiCallError(err);
    if (e.code === 'CONFLICT') onStale(e.message);
    else if (e.code !== 'LOCKED') message.error(e.message);
  };

  const reveal = () => setRevealAsked(true);

  const reopen = () => {
    modal.confirm({
      title: t('children.file.reopen.title'),
      content: t('children.file.reopen.text'),
      okText: t('children.file.reopen.ok'),
      cancelText: t('app.common.cancel'),
      onOk: async () => {
        try {
          onProfile(await api('children.reopen', { id: profile.id, version: profile.version }));
          message.success(t('children.file.reopen.done'));
        } catch (err) {
          failed(err);
        }
      },
    });
  };

  const remove = () => {
    modal.confirm({
      title: t('children.file.delete.title', { name: profile.name }),
      content: t('children.file.delete.text'),
      okText: t('children.file.delete.ok'),
      okButtonProps: { danger: true },
      cancelText: t('app.common.cancel'),
      onOk: async () => {
        try {
          await api('children.delete', { id: profile.id, version: profile.version });
          message.success(t('children.file.delete.done'));
          navigate('/children');
        } catch (err) {
          failed(err);
        }
      },
    });
  };

  const startEdit = () => {
    setTab('profile');
    setEditing(true);
  };

  const actions = (
    <Flex gap={8} wrap role="group" aria-label={t('children.file.actions.label')}>
      <Button icon={<EditOutlined />} onClick={startEdit} disabled={editing}>
        {t('children.file.actions.edit')}
      </Button>
      {profile.status === 'active' ? (
        <Button icon={<FileDoneOutlined />} onClick={() => setClosing(true)}>
          {t('children.file.actions.close')}
        </Button>
      ) : (
        <Button icon={<UndoOutlined />} onClick={reopen}>
          {t('children.file.actions.reopen')}
        </Button>
      )}
      <SummaryExportButton childId={profile.id} childName={profile.name} />
      <Button danger icon={<DeleteOutlined />} onClick={remove}>
        {t('children.file.actions.delete')}
      </Button>
    </Flex>
  );

  return (
    <>
      <BackButton to="/children" label={t('children.file.back')} />
      {notice && (
        <Alert
          type="warning"
          showIcon
          role="alert"
          closable={{ onClose: () => setNotice(null) }}
          style={{ marginBottom: 16 }}
          title={notice}
        />
      )}
      <FileHeader
        file={file}
        revealed={shownId}
        canReveal={canReveal}
        revealing={revealAsked}
        onReveal={reveal}
        onHide={() => setShownId(null)}
        actions={actions}
      />
      {revealAsked && (
        <ReasonModal
          title={t('children.file.header.revealTitle')}
          warning={t('children.file.header.revealText')}
          label={t('children.file.header.revealReason')}
          okText={t('children.file.header.revealOk')}
          done={t('children.file.header.revealedNote')}
          call={(reason) => api('children.revealIdNumber', { id: profile.id, reason })}
          onSaved={(v) => setShownId(v.idNumber)}
          onClose={() => setRevealAsked(false)}
          onConflict={() => setRevealAsked(false)}
        />
      )}
      <Tabs
        activeKey={tab}
        onChange={(k) => setTab(k as TabKey)}
        items={[
          {
            key: 'profile',
            label: t('children.file.tabs.profile'),
            children: editing ? (
              <section aria-label={t('children.form.editTitle')}>
                <Typography.Title level={5} style={{ marginTop: 0 }}>
                  {t('children.form.editTitle')}
                </Typography.Title>
                <ProfileForm
                  // A reload after a conflict brings a new version; the form starts over from it.
                  key={profile.version}
                  mode="edit"
                  profile={profile}
                  relations={file.relations}
                  guardianship={file.guardianship}
                  onSaved={(saved) => {
                    if (saved.idNumberMasked !== profile.idNumberMasked) setShownId(null);
                    onProfile(saved);
                    setEditing(false);
                    setNotice(null);
                  }}
                  onCancel={() => setEditing(false)}
                  onStale={onStale}
                />
              </section>
            ) : (
              <ProfileView
                profile={profile}
                relations={file.relations}
                guardianship={file.guardianship}
                onEdit={startEdit}
              />
            ),
          },
          {
            key: 'relatives',
            label: t('children.file.tabs.relatives'),
            children: (
              <RelativesTab
                profile={profile}
                relations={file.relations}
                onRelations={onRelations}
                onPerson={onPerson}
                onCustody={onCustody}
                onStale={onStale}
              />
            ),
          },
          {
            key: 'timeline',
            label: t('children.file.tabs.timeline'),
            children: <TimelineTab items={file.timeline} stale={changed} onReload={reload} />,
          },
          {
            key: 'attachments',
            label: t('attachments.title'),
            // Mounted only when opened: the file opens without touching a single attachment.
            children: tab === 'attachments' && (
              <AttachmentsPanel recordKind="child" recordId={profile.id} childId={profile.id} />
            ),
          },
        ]}
      />
      <CloseModal
        profile={profile}
        open={closing}
        onClose={() => setClosing(false)}
        onClosed={(p) => {
          setClosing(false);
          onProfile(p);
        }}
        onStale={onStale}
      />
    </>
  );
}
