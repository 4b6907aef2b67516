import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, type TableColumnsType, Tag, Tooltip, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { t } from '../../../db/i18n';
import { api, toApiCallError } from '../api/client';
import { AttachmentsButton, useAttachmentCounts } from '../attachments/AttachmentsButton';
import { genderLabel, measureLabel, relationLabel } from '../common/codeLabels';
import { todayText } from '../common/dates';
import { ShortTable } from '../common/ShortTable';
import { isInCustody } from './derive';
import { ReleaseTag } from './FileHeader';
import { MaskedId, orNone } from './parts';
import {
  AddRelativeModal,
  CustodyModal,
  type OnStale,
  PersonEditModal,
  RelationEditModal,
} from './relativeForms';
import type { ChildProfile, CustodyView, PersonLink, PersonView } from './types';

export function RelativesTab({
  profile,
  relations,
  onRelations,
  onPerson,
  onCustody,
  onStale,
}: {
  profile: ChildProfile;
  relations: PersonLink[];
  onRelations: (links: PersonLink[]) => void;
  onPerson: (person: PersonView) => void;
  onCustody: (personId: string, record: CustodyView) => void;
  onStale: OnStale;
}) {
  const { message, modal } = App.useApp();
  const today = todayText();
  const [adding, setAdding] = useState(false);
  const [editingLink, setEditingLink] = useState<PersonLink | null>(null);
  const [editingPerson, setEditingPerson] = useState<PersonView | null>(null);
  const [custodyTarget, setCustodyTarget] = useState<{
    person: PersonView;
    record: CustodyView | null;
  } | null>(null);
  const [collapsed, setCollapsed] = useState<Set<string>>(new Set());

  const stale: OnStale = (msg) => {
    setAdding(false);
    setEditingLink(null);
    setEditingPerson(null);
    setCustodyTarget(null);
    onStale(msg);
  };

  const unlink = (link: PersonLink) => {
    modal.confirm({
      title: t('children.relatives.unlinkTitle', { name: link.person.name }),
      content: t('children.relatives.unlinkText'),
      okText: t('children.relatives.unlinkOk'),
      okButtonProps: { danger: true },
      cancelText: t('app.common.cancel'),
      onOk: async () => {
        try {
          onRelations(await api('relations.remove', { id: link.relationId, version: link.version }));
          message.success(t('children.relatives.unlinked'));
        } catch (err) {
          const e = toApiCallError(err);
          if (e.code === 'CONFLICT') stale(e.message);
          else if (e.code !== 'LOCKED') message.error(e.message);
        }
      },
    });
  };

  // One read each for the rows' 附件 counts, as the other records' buttons show them.
  const personIds = useMemo(() => relations.map((r) => r.person.id), [relations]);
  const custodyIds = useMemo(() => relations.flatMap((r) => r.custody.map((c) => c.id)), [relations]);
  const personFiles = useAttachmentCounts('relative', personIds);
  const custodyFiles = useAttachmentCounts('custody', custodyIds);

  const columns: TableColumnsType<PersonLink> = [
    {
      title: t('children.relatives.columns.name'),
      key: 'name',
      render: (_, link) => (
        <Flex vertical gap={2}>
          <Typography.Text strong>{link.person.name}</Typography.Text>
          <PersonConditions person={link.person} />
        </Flex>
      ),
    },
    {
      title: t('children.relatives.columns.gender'),
      key: 'gender',
      render: (_, link) => genderLabel(link.person.gender),
    },
    {
      title: t('children.relatives.columns.relation'),
      key: 'relation',
      render: (_, link) => relationLabel(link.relation),
    },
    {
      title: t('children.relatives.columns.roles'),
      key: 'roles',
      render: (_, link) => {
        const detained = link.custody.some((c) => isInCustody(c, today));
        const caring = link.isCaregiver || profile.caregiverPersonId === link.person.id;
        return (
          <Flex gap={4} wrap>
            {link.isGuardian && <Tag color="blue">{t('codes.role.guardian')}</Tag>}
            {caring && <Tag color="green">{t('codes.role.caregiver')}</Tag>}
            {detained && <Tag color="red">{t('codes.role.detained')}</Tag>}
          </Flex>
        );
      },
    },
    {
      title: t('children.relatives.columns.phone'),
      key: 'phone',
      render: (_, link) => orNone(link.person.phone),
    },
    {
      title: t('children.relatives.columns.idNumber'),
      key: 'idNumber',
      render: (_, link) => <MaskedId value={link.person.idNumberMasked} />,
    },
    {
      title: t('children.relatives.columns.children'),
      key: 'children',
      render: (_, link) => {
        const text = t('children.relatives.childCount', { count: link.person.childCount });
        return link.person.childCount > 1 ? (
          <Tooltip title={t('children.relatives.sharedHint')}>
            <Tag color="purple">{text}</Tag>
          </Tooltip>
        ) : (
          text
        );
      },
    },
    {
      title: t('children.relatives.columns.actions'),
      key: 'actions',
      render: (_, link) => (
        <Flex gap={0} wrap style={{ maxWidth: 260 }}>
          <Button type="link" size="small" onClick={() => setEditingLink(link)}>
            {t('children.relatives.actions.editRelation')}
          </Button>
          <Button type="link" size="small" onClick={() => setEditingPerson(link.person)}>
            {t('children.relatives.actions.editPerson')}
          </Button>
          <Button
            type="link"
            size="small"
            onClick={() => setCustodyTarget({ person: link.person, record: null })}
          >
            {t('children.relatives.actions.addCustody')}
          </Button>
          <AttachmentsButton
            recordKind="relative"
            recordId={link.person.id}
            label={`${link.person.name}（${relationLabel(link.relation)}）`}
            count={personFiles.counts[link.person.id]}
            onChange={personFiles.reload}
          />
          <Button type="link" size="small" danger onClick={() => unlink(link)}>
            {t('children.relatives.actions.unlink')}
          </Button>
        </Flex>
      ),
    },
  ];

  const expanded = useMemo(
    () =>
      relations.filter((r) => r.custody.length > 0 && !collapsed.has(r.relationId)).map((r) => r.relationId),
    [relations, collapsed],
  );

  return (
    <Card
      title={t('children.file.tabs.relatives')}
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
          {t('children.relatives.add')}
        </Button>
      }
    >
      <ShortTable<PersonLink>
        rowKey="relationId"
        size="middle"
        aria-label={t('children.relatives.label')}
        columns={columns}
        rows={relations}
        scroll={{ x: 'max-content' }}
        empty={t('children.relatives.empty')}
        expandable={{
          expandedRowKeys: expanded,
          rowExpandable: (r) => r.custody.length > 0,
          onExpand: (open, r) =>
            setCollapsed((s) => {
              const next = new Set(s);
              if (open) next.delete(r.relationId);
              else next.add(r.relationId);
              return next;
            }),
          expandedRowRender: (link) => (
            <CustodyTable
              link={link}
              files={custodyFiles}
              onEdit={(record) => setCustodyTarget({ person: link.person, record })}
            />
          ),
        }}
      />
      <AddRelativeModal
        childId={profile.id}
        linkedIds={relations.map((r) => r.person.id)}
        open={adding}
        onClose={() => setAdding(false)}
        onAdded={(links) => {
          setAdding(false);
          onRelations(links);
        }}
        onStale={stale}
      />
      <RelationEditModal
        link={editingLink}
        onClose={() => setEditingLink(null)}
        onSaved={(links) => {
          setEditingLink(null);
          onRelations(links);
        }}
        onStale={stale}
      />
      <PersonEditModal
        person={editingPerson}
        onClose={() => setEditingPerson(null)}
        onSaved={(person) => {
          setEditingPerson(null);
          onPerson(person);
        }}
        onStale={stale}
      />
      <CustodyModal
        target={custodyTarget}
        onClose={() => setCustodyTarget(null)}
        onSaved={(personId, record) => {
          setCustodyTarget(null);
          setCollapsed((s) => {
            const next = new Set(s);
            for (const r of relations) if (r.person.id === personId) next.delete(r.relationId);
            return next;
          });
          onCustody(personId, record);
        }}
        onStale={stale}
      />
    </Card>
  );
}

function PersonConditions({ person }: { person: PersonView }) {
  const tags = [
    person.deceasedOn && t('children.relatives.deceased', { date: person.deceasedOn }),
    person.missingSince && t('children.relatives.missing', { date: person.missingSince }),
    person.severeDisability && t('children.relatives.severeDisability'),
    person.severeIllness && t('children.relatives.severeIllness'),
  ].filter((x): x is string => !!x);
  if (!tags.length) return null;
  return (
    <Flex gap={4} wrap>
      {tags.map((text) => (
        <Tag key={text} color="default" style={{ marginInlineEnd: 0 }}>
          {text}
        </Tag>
      ))}
    </Flex>
  );
}

/** One person's custody records, newest first, with the release reminder on the current one. */
function CustodyTable({
  link,
  files,
  onEdit,
}: {
  link: PersonLink;
  files: ReturnType<typeof useAttachmentCounts>;
  onEdit: (record: CustodyView) => void;
}) {
  const today = todayText();
  const rows = [...link.custody].sort((a, b) => (a.startDate < b.startDate ? 1 : -1));
  const dash = t('app.common.empty');
  const columns: TableColumnsType<CustodyView> = [
    {
      title: t('children.relatives.custody.measure'),
      dataIndex: 'measure',
      key: 'measure',
      render: (m: string) => measureLabel(m),
    },
    {
      title: t('children.relatives.custody.facility'),
      dataIndex: 'facility',
      key: 'facility',
      render: (v) => v || dash,
    },
    {
      title: t('children.relatives.custody.caseNumber'),
      dataIndex: 'caseNumber',
      key: 'caseNumber',
      render: (v) => v || dash,
    },
    {
      title: t('children.relatives.custody.charge'),
      dataIndex: 'charge',
      key: 'charge',
      render: (v) => v || dash,
    },
    { title: t('children.relatives.custody.startDate'), dataIndex: 'startDate', key: 'startDate' },
    {
      title: t('children.relatives.custody.expectedRelease'),
      key: 'expectedRelease',
      render: (_, c) =>
        c.expectedRelease ? (
          <Flex gap={4} align="center" wrap>
            <span>{c.expectedRelease}</span>
            {isInCustody(c, today) && <ReleaseTag date={c.expectedRelease} today={today} />}
          </Flex>
        ) : (
          dash
        ),
    },
    {
      title: t('children.relatives.custody.actualRelease'),
      dataIndex: 'actualRelease',
      key: 'actualRelease',
      render: (v) => v || dash,
    },
    {
      title: t('children.relatives.custody.state'),
      key: 'state',
      render: (_, c) =>
        isInCustody(c, today) ? (
          <Tag color="red">{t('children.relatives.custody.current')}</Tag>
        ) : c.startDate > today ? (
          <Tag>{t('children.relatives.custody.notStarted')}</Tag>
        ) : (
          <Tag color="default">{t('children.relatives.custody.released')}</Tag>
        ),
    },
    {
      title: t('children.relatives.custody.actions'),
      key: 'actions',
      render: (_, c) => (
        <Flex gap={0} wrap={false}>
          <Button type="link" size="small" onClick={() => onEdit(c)}>
            {t('children.relatives.custody.edit')}
          </Button>
          {/* The 判决书 or 羁押通知书 behind the record. */}
          <AttachmentsButton
            recordKind="custody"
            recordId={c.id}
            label={`${link.person.name} ${measureLabel(c.measure)} ${c.startDate}`}
            defaultKind="judgment"
            count={files.counts[c.id]}
            onChange={files.reload}
          />
        </Flex>
      ),
    },
  ];
  return (
    <ShortTable<CustodyView>
      aria-label={t('children.relatives.custody.label', { name: link.person.name })}
      columns={columns}
      rows={rows}
      empty={t('children.relatives.custody.empty')}
    />
  );
}
