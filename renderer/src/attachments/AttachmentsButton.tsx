import { PaperClipOutlined } from '@ant-design/icons';
import { Button, Modal } from 'antd';
import { useState } from 'react';
import type { RecordKind } from '../../../db/attachments/codes';
import { t } from '../../../db/i18n';
import { useApiQuery } from '../common/useApiQuery';
import { AttachmentsPanel, type AttachmentsPanelProps } from './AttachmentsPanel';

/**
 * How many attachments each record of a table has, in one read: the rows' 附件 buttons say it
 * without a query per row. Counselling counts come back only for those who may read them.
 */
export function useAttachmentCounts(recordKind: RecordKind, recordIds: string[]) {
  const { data, reload } = useApiQuery(
    'attachments.counts',
    recordIds.length ? { recordKind, recordIds } : null,
  );
  return { counts: data ?? {}, reload };
}

/**
 * A record shown as a table row (a 训诫, an assessment's consents, a school's written reply, a
 * custody record): its 附件 button opens the same panel as a record page has, in a dialog.
 */
export function AttachmentsButton({
  label,
  count,
  ...panel
}: Pick<AttachmentsPanelProps, 'recordKind' | 'recordId' | 'defaultKind' | 'hint' | 'onChange'> & {
  /** What the record is, for the dialog's title (e.g. 2026-11-20 训诫). */
  label: string;
  count?: number;
}) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button
        type="link"
        size="small"
        icon={<PaperClipOutlined />}
        data-testid="attachments-button"
        onClick={(e) => {
          // Rows that open their record on a click keep this click to themselves.
          e.stopPropagation();
          setOpen(true);
        }}
      >
        {count ? t('attachments.rowButtonCount', { count }) : t('attachments.rowButton')}
      </Button>
      {open && (
        <Modal
          open
          title={t('attachments.rowDialogTitle', { record: label })}
          footer={null}
          width={820}
          onCancel={() => setOpen(false)}
          destroyOnHidden
        >
          <AttachmentsPanel {...panel} />
        </Modal>
      )}
    </>
  );
}
