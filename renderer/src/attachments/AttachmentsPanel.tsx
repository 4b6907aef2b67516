import {
  DeleteOutlined,
  DownloadOutlined,
  EyeOutlined,
  InboxOutlined,
  LockOutlined,
} from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Flex,
  Input,
  List,
  Popconfirm,
  Select,
  Space,
  Tag,
  Typography,
} from 'antd';
import { type DragEvent, useRef, useState } from 'react';
import { ATTACHMENT_KINDS, type AttachmentKind, type RecordKind } from '../../../db/attachments/codes';
import { t } from '../../../db/i18n';
import { api, toApiCallError } from '../api/client';
import { toBase64 } from '../common/saveFile';
import { useApiQuery } from '../common/useApiQuery';
import { AttachmentViewer, saveAttachment } from './AttachmentViewer';
import { prepareFile } from './images';
import { Thumbnail } from './Thumbnail';
import type { AttachmentView } from './types';

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

const stamp = (ms: number) => new Date(ms).toLocaleString('zh-CN', { hour12: false });

export interface AttachmentsPanelProps {
  recordKind: RecordKind;
  recordId: string;
  /** A child's file lists every attachment of the child, whatever record it was added to. */
  childId?: string;
  defaultKind?: AttachmentKind;
  /** What this record asks for, e.g. the 送达回证 of an order's delivery. */
  hint?: string;
  title?: string;
  /** Told after a file was added or removed (a row's count, see AttachmentsButton). */
  onChange?: () => void;
}

/** Attachments of one record: drop or pick several files, give them a kind and a title, and see them from memory. */
export function AttachmentsPanel({
  recordKind,
  recordId,
  childId,
  defaultKind = 'other',
  hint,
  title,
  onChange,
}: AttachmentsPanelProps) {
  const { message } = App.useApp();
  const list = useApiQuery(
    childId ? 'attachments.forChild' : 'attachments.forRecord',
    (childId ? { childId } : { recordKind, recordId }) as never,
  );
  const settings = useApiQuery('settings.get', {});
  const [staged, setStaged] = useState<File[]>([]);
  const [kind, setKind] = useState<AttachmentKind>(defaultKind);
  const [fileTitle, setFileTitle] = useState('');
  const [shrink, setShrink] = useState(true);
  const [errors, setErrors] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);
  const [dragging, setDragging] = useState(false);
  const [viewing, setViewing] = useState<AttachmentView | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const rows = (list.data ?? []) as AttachmentView[];
  const maxMb = settings.data?.attachmentMaxMb ?? 20;

  const stage = (files: FileList | File[]) => {
    const picked = Array.from(files);
    // The same message the core gives, before a large file is read at all.
    const tooBig = picked.filter((f) => f.size > maxMb * 1024 * 1024);
    setErrors(
      tooBig.map((f) =>
        t('attachments.validation.tooBig', {
          name: f.name,
          size: (Math.round((f.size / 1024 / 1024) * 10) / 10).toString(),
          max: maxMb,
        }),
      ),
    );
    setStaged((s) => [...s, ...picked.filter((f) => !tooBig.includes(f))]);
  };

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    if (e.dataTransfer.files.length) stage(e.dataTransfer.files);
  };

  const upload = async () => {
    setSaving(true);
    setErrors([]);
    try {
      const files = await Promise.all(
        staged.map(async (f) => {
          const prepared = await prepareFile(f, shrink);
          return {
            fileName: f.name,
            kind,
            title: staged.length === 1 && fileTitle.trim() ? fileTitle.trim() : null,
            base64: await toBase64(prepared.blob),
            thumbnailBase64: prepared.thumbnail ? await toBase64(prepared.thumbnail) : null,
          };
        }),
      );
      const added = await api('attachments.add', { recordKind, recordId, files });
      message.success(t('attachments.added', { count: added.length }));
      setStaged([]);
      setFileTitle('');
      list.reload();
      onChange?.();
    } catch (err) {
      const e = toApiCallError(err);
      if (e.code === 'LOCKED') return;
      setErrors(e.fields ? Object.values(e.fields) : [e.message]);
    } finally {
      setSaving(false);
    }
  };

  const remove = async (item: AttachmentView) => {
    try {
      await api('attachments.remove', { id: item.id, version: item.version });
      message.success(t('attachments.removed'));
      list.reload();
      onChange?.();
    } catch (err) {
      setErrors([toApiCallError(err).message]);
    }
  };

  const save = async (item: AttachmentView) => {
    try {
      const name = await saveAttachment(item);
      message.success(t('attachments.saved', { name }));
    } catch (err) {
      setErrors([toApiCallError(err).message]);
    }
  };

  return (
    <Card title={title ?? t('attachments.title')} size="small" data-testid="attachments">
      {hint && !rows.some((r) => r.kind === defaultKind) && (
        <Alert type="info" showIcon title={hint} style={{ marginBottom: 12 }} />
      )}
      <section
        aria-label={t('attachments.dropHint')}
        data-testid="attachment-drop"
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        style={{
          border: `1px dashed ${dragging ? '#1677ff' : '#d9d9d9'}`,
          background: dragging ? '#e6f4ff' : '#fafafa',
          borderRadius: 6,
          padding: 12,
          marginBottom: 12,
        }}
      >
        <Flex gap={12} align="center" wrap>
          <InboxOutlined style={{ fontSize: 28, color: '#1677ff' }} />
          <Typography.Text type="secondary" style={{ flex: 1, minWidth: 200 }}>
            {t('attachments.dropHint')}
          </Typography.Text>
          <Button onClick={() => input.current?.click()}>{t('attachments.pick')}</Button>
          <input
            ref={input}
            type="file"
            multiple
            hidden
            data-testid="attachment-input"
            accept=".pdf,.jpg,.jpeg,.png,.heic,.doc,.docx,application/pdf,image/jpeg,image/png"
            onChange={(e) => {
              if (e.target.files) stage(e.target.files);
              e.target.value = '';
            }}
          />
        </Flex>
        {staged.length > 0 && (
          <Flex vertical gap={8} style={{ marginTop: 12 }}>
            <Space wrap>
              {staged.map((f) => (
                <Tag
                  key={`${f.name}-${f.size}`}
                  closable
                  onClose={() => setStaged((s) => s.filter((x) => x !== f))}
                >
                  {f.name}（{formatSize(f.size)}）
                </Tag>
              ))}
            </Space>
            <Flex gap={8} wrap align="center">
              <Select
                aria-label={t('attachments.kindLabel')}
                value={kind}
                onChange={setKind}
                style={{ width: 140 }}
                options={ATTACHMENT_KINDS.map((k) => ({ value: k, label: t(`attachments.kinds.${k}`) }))}
              />
              {staged.length === 1 && (
                <Input
                  aria-label={t('attachments.titleLabel')}
                  placeholder={t('attachments.titlePlaceholder')}
                  value={fileTitle}
                  maxLength={100}
                  onChange={(e) => setFileTitle(e.target.value)}
                  style={{ width: 240 }}
                />
              )}
              <Checkbox checked={shrink} onChange={(e) => setShrink(e.target.checked)}>
                {t('attachments.shrink')}
              </Checkbox>
              <Button type="primary" loading={saving} onClick={() => void upload()}>
                {saving ? t('attachments.uploading') : t('attachments.upload')}
              </Button>
            </Flex>
          </Flex>
        )}
      </section>
      {errors.length > 0 && (
        <Alert
          type="error"
          showIcon
          role="alert"
          data-testid="attachment-errors"
          title={errors.length === 1 ? errors[0] : undefined}
          description={errors.length > 1 ? errors.map((m) => <div key={m}>{m}</div>) : undefined}
          closable={{ onClose: () => setErrors([]) }}
          style={{ marginBottom: 12 }}
        />
      )}
      <List
        size="small"
        data-testid="attachment-list"
        locale={{ emptyText: t('attachments.empty') }}
        loading={list.loading && !list.data}
        dataSource={rows}
        renderItem={(item) => (
          <List.Item
            key={item.id}
            actions={[
              item.viewable ? (
                <Button key="view" size="small" icon={<EyeOutlined />} onClick={() => setViewing(item)}>
                  {t('attachments.view')}
                </Button>
              ) : null,
              <Button key="save" size="small" icon={<DownloadOutlined />} onClick={() => void save(item)}>
                {t('attachments.saveAs')}
              </Button>,
              <Popconfirm
                key="remove"
                title={t('attachments.removeConfirm', { title: item.title })}
                onConfirm={() => void remove(item)}
              >
                <Button size="small" danger icon={<DeleteOutlined />} aria-label={t('attachments.remove')} />
              </Popconfirm>,
            ].filter(Boolean)}
          >
            <List.Item.Meta
              avatar={<Thumbnail item={item} />}
              title={
                <Space size={6}>
                  {item.restricted && <LockOutlined title={t('attachments.restricted')} />}
                  <span>{item.title}</span>
                  <Tag color={item.kind === 'deliveryReceipt' ? 'blue' : undefined}>
                    {t(`attachments.kinds.${item.kind}`)}
                  </Tag>
                </Space>
              }
              description={
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {[
                    t(`attachments.fileTypes.${item.fileType}`),
                    formatSize(item.bytes),
                    childId && item.recordKind !== 'child'
                      ? t(`attachments.records.${item.recordKind}`)
                      : null,
                    `${item.createdByName ?? ''} ${stamp(item.createdAt)}`,
                    `SHA-256 ${item.sha256.slice(0, 12)}…`,
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </Typography.Text>
              }
            />
          </List.Item>
        )}
      />
      {!rows.some((r) => !r.viewable) ? null : (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('attachments.wordOnly')}
        </Typography.Text>
      )}
      {viewing && <AttachmentViewer item={viewing} onClose={() => setViewing(null)} />}
    </Card>
  );
}
