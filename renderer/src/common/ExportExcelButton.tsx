// One 导出 Excel button for a list screen: the core writes and audits the file, this saves it.
// An administrator may ask for full ID numbers, with a reason the audit row keeps.
import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Input, Modal, Space } from 'antd';
import { useState } from 'react';
import type { XlsxFile } from '../../../db/exports/xlsx';
import { t } from '../../../db/i18n';
import { type ApiInput, api, toApiCallError } from '../api/client';
import { useSession } from '../session/store';
import { fromBase64, saveFile, XLSX_MIME } from './saveFile';

export type ExportMethod =
  | 'exports.children'
  | 'exports.referrals'
  | 'exports.orders'
  | 'exports.plans'
  | 'exports.admonitions'
  | 'exports.counselling'
  | 'exports.visits'
  | 'exports.mandatoryReports'
  | 'exports.outreach'
  | 'exports.relief'
  | 'exports.suits';

export function ExportExcelButton<M extends ExportMethod>({
  method,
  input,
  label,
  allowFullIds = false,
}: {
  method: M;
  /** Or a function read at the click, so a list need not re-render its header on every keystroke. */
  input: ApiInput<M> | (() => ApiInput<M>);
  label?: string;
  allowFullIds?: boolean;
}) {
  const { message } = App.useApp();
  const isAdmin = useSession((s) => s.user?.role === 'admin');
  const [busy, setBusy] = useState(false);
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState('');

  const run = async (extra: object = {}) => {
    setBusy(true);
    try {
      // Every export answers the same file shape; the method only decides which rows.
      const file = (await api(
        method as 'exports.visits',
        {
          ...((typeof input === 'function' ? (input as () => ApiInput<M>)() : input) as object),
          ...extra,
        } as never,
      )) as XlsxFile;
      await saveFile(fromBase64(file.data), file.fileName, XLSX_MIME);
      message.success(t('ledger.export.done', { rows: file.rows }));
      return true;
    } catch (err) {
      const e = toApiCallError(err);
      message.error(Object.values(e.fields ?? {})[0] ?? e.message);
      return false;
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Space.Compact>
        <Button icon={<DownloadOutlined />} loading={busy} onClick={() => void run()}>
          {label ?? t('ledger.export.button')}
        </Button>
        {allowFullIds && isAdmin && (
          <Button onClick={() => setAsking(true)} disabled={busy}>
            {t('ledger.export.fullIds')}
          </Button>
        )}
      </Space.Compact>
      <Modal
        open={asking}
        title={t('ledger.export.fullIds')}
        okText={t('ledger.export.button')}
        cancelText={t('app.common.cancel')}
        okButtonProps={{ disabled: reason.trim().length < 2, loading: busy }}
        onCancel={() => setAsking(false)}
        onOk={async () => {
          if (await run({ fullIds: { reason } })) {
            setAsking(false);
            setReason('');
          }
        }}
        destroyOnHidden
      >
        <Input.TextArea
          aria-label={t('ledger.export.reason')}
          placeholder={t('ledger.export.reason')}
          value={reason}
          maxLength={200}
          onChange={(e) => setReason(e.target.value)}
        />
      </Modal>
    </>
  );
}
