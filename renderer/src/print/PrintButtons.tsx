// Buttons other areas mount on their pages: one line each, no wiring of their own.
import { FilePdfOutlined, PrinterOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useState } from 'react';
import { t } from '../../../db/i18n';
import { toApiCallError } from '../api/client';
import { printOrder, printRelief, printSuit } from './printClient';
import { SummaryExportDialog } from './SummaryExportDialog';

/** 导出转介摘要, for a child's file page. */
export function SummaryExportButton({ childId, childName }: { childId: string; childName: string }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button icon={<FilePdfOutlined />} onClick={() => setOpen(true)}>
        {t('documents.export.button')}
      </Button>
      {open && (
        <SummaryExportDialog open={open} child={{ childId, childName }} onClose={() => setOpen(false)} />
      )}
    </>
  );
}

/** 打印/导出PDF, for a guardianship order's page. */
export function PrintOrderButton({ orderId, disabled }: { orderId: string; disabled?: boolean }) {
  return (
    <PrintButton
      print={() => printOrder(orderId)}
      label={t('documents.print.printOrder')}
      disabled={disabled}
    />
  );
}

/** 打印审批表, for a 国家司法救助 record's page. */
export function PrintReliefButton({ reliefId }: { reliefId: string }) {
  return <PrintButton print={() => printRelief(reliefId)} label={t('relief.page.print')} />;
}

/** 打印支持起诉意见书, for a 支持起诉 record's page. */
export function PrintSuitButton({ suitId }: { suitId: string }) {
  return <PrintButton print={() => printSuit(suitId)} label={t('suits.page.print')} />;
}

function PrintButton({
  print,
  label,
  disabled,
}: {
  print: () => Promise<{ fileName: string; pages: number } | null>;
  label: string;
  disabled?: boolean;
}) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    try {
      const saved = await print();
      if (saved)
        message.success(t('documents.print.saved', { fileName: saved.fileName, pages: saved.pages }));
    } catch (err) {
      const e = toApiCallError(err);
      if (e.code !== 'LOCKED') message.error(t('documents.print.failed', { message: e.message }));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button icon={<PrinterOutlined />} loading={busy} disabled={disabled} onClick={() => void run()}>
      {label}
    </Button>
  );
}
