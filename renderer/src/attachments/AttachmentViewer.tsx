import { DownloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Modal, Spin } from 'antd';
import { useEffect, useState } from 'react';
import { t } from '../../../db/i18n';
import { type ApiOutput, api, toApiCallError } from '../api/client';
import { fromBase64, saveFile } from '../common/saveFile';
import type { AttachmentView } from './types';
import { useObjectUrl } from './useObjectUrl';

/** 另存为: the core audits the copy with its hash before the bytes come back. */
export async function saveAttachment(item: Pick<AttachmentView, 'id'>): Promise<string> {
  const file = await api('attachments.export', { id: item.id });
  await saveFile(fromBase64(file.base64), file.fileName, file.mime);
  return file.fileName;
}

/**
 * The app's own viewer: an image from a blob: URL, a PDF in Chromium's PDF viewer inside a
 * frame whose only allowed source is blob: (electron/csp.ts). The bytes stay in memory.
 */
export function AttachmentViewer({ item, onClose }: { item: AttachmentView; onClose: () => void }) {
  const { message } = App.useApp();
  const [content, setContent] = useState<ApiOutput<'attachments.open'> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const url = useObjectUrl(content);

  useEffect(() => {
    let current = true;
    api('attachments.open', { id: item.id })
      .then((c) => current && setContent(c))
      .catch((err) => current && setError(toApiCallError(err).message));
    return () => {
      current = false;
    };
  }, [item.id]);

  const save = async () => {
    setSaving(true);
    try {
      const name = await saveAttachment(item);
      message.success(t('attachments.saved', { name }));
    } catch (err) {
      setError(toApiCallError(err).message);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      width={item.fileType === 'pdf' ? 960 : 820}
      title={t('attachments.viewerTitle', { title: item.title })}
      onCancel={onClose}
      footer={[
        <Button key="save" icon={<DownloadOutlined />} loading={saving} onClick={() => void save()}>
          {t('attachments.saveAs')}
        </Button>,
        <Button key="close" type="primary" onClick={onClose}>
          {t('attachments.close')}
        </Button>,
      ]}
    >
      {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 12 }} />}
      {!url && !error && (
        <Flex justify="center" align="center" gap={8} style={{ padding: 48 }}>
          <Spin />
          {t('attachments.loadingFile')}
        </Flex>
      )}
      {url && item.fileType === 'pdf' && (
        <iframe
          title={item.title}
          // The viewer's own save button only asks for a download, which the shell refuses
          // (electron/harden.ts): 另存为 below, audited, is the way out.
          src={url}
          data-testid="attachment-pdf"
          style={{ width: '100%', height: '70vh', border: '1px solid #f0f0f0' }}
        />
      )}
      {url && item.fileType !== 'pdf' && (
        <Flex justify="center">
          <img
            src={url}
            alt={item.title}
            data-testid="attachment-image"
            style={{ maxWidth: '100%', maxHeight: '70vh', objectFit: 'contain' }}
          />
        </Flex>
      )}
    </Modal>
  );
}
