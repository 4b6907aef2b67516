// 批量导出转介摘要: the same options for many children, one folder, one PDF each, with
// progress from the shell and a way to stop. Full ID numbers are never offered here: each
// needs its own reason.
import { Alert, App, Button, Flex, Form, Modal, Progress, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { t } from '../../../db/i18n';
import { toApiCallError } from '../api/client';
import {
  cancelPrint,
  exportSummaries,
  onPrintProgress,
  type PrintProgress,
  type SummaryTarget,
} from './printClient';
import {
  DEFAULT_SECTIONS,
  type SummaryFormValues,
  SummaryOptionsFields,
  toOptions,
} from './SummaryExportDialog';

export function SummaryBatchDialog({
  open,
  children,
  onClose,
}: {
  open: boolean;
  children: SummaryTarget[];
  onClose: () => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<SummaryFormValues>();
  const [running, setRunning] = useState(false);
  const [progress, setProgress] = useState<PrintProgress | null>(null);
  const [outcome, setOutcome] = useState<string | null>(null);
  const [failures, setFailures] = useState<string | null>(null);
  const k = 'documents.export';

  useEffect(() => (running ? onPrintProgress(setProgress) : undefined), [running]);

  const start = async () => {
    let v: SummaryFormValues;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    const o = toOptions(v, false);
    if (!o) return;
    setRunning(true);
    setOutcome(null);
    setFailures(null);
    setProgress({ done: 0, total: children.length });
    try {
      const result = await exportSummaries(children, o);
      if (!result) {
        message.info(t('documents.print.cancelled'));
        return;
      }
      const done = result.done.length;
      setOutcome(
        result.cancelled
          ? t(`${k}.batchCancelled`, { done, total: result.total })
          : t(`${k}.batchDone`, { done, total: result.total }),
      );
      if (result.failed.length) {
        setFailures(
          t(`${k}.batchFailed`, {
            count: result.failed.length,
            names: result.failed.map((f) => f.fileName).join(t('documents.format.list')),
          }),
        );
      }
    } catch (err) {
      const e = toApiCallError(err);
      if (e.code !== 'LOCKED') message.error(t('documents.print.failed', { message: e.message }));
    } finally {
      setRunning(false);
    }
  };

  const stop = () => {
    cancelPrint().catch(() => undefined);
  };

  const percent = progress?.total ? Math.round((progress.done / progress.total) * 100) : 0;
  return (
    <Modal
      title={t(`${k}.batchTitle`)}
      open={open}
      width={640}
      onCancel={running ? undefined : onClose}
      closable={!running}
      maskClosable={false}
      destroyOnHidden
      footer={
        <Flex justify="end" gap={8}>
          {running ? (
            <Button danger onClick={stop}>
              {t(`${k}.batchCancel`)}
            </Button>
          ) : (
            <>
              <Button onClick={onClose}>{t(`${k}.close`)}</Button>
              <Button type="primary" onClick={() => void start()} disabled={children.length === 0}>
                {t(`${k}.batchSubmit`)}
              </Button>
            </>
          )}
        </Flex>
      }
    >
      <Typography.Paragraph>{t(`${k}.batchCount`, { count: children.length })}</Typography.Paragraph>
      <Form<SummaryFormValues>
        form={form}
        name="summaryBatch"
        layout="vertical"
        autoComplete="off"
        disabled={running}
        initialValues={{ sections: DEFAULT_SECTIONS, includeCharge: false }}
      >
        <SummaryOptionsFields allowFullId={false} enabled={open} />
      </Form>
      {progress && (
        <div role="status" aria-live="polite">
          <Progress percent={percent} status={running ? 'active' : 'normal'} />
          <Typography.Text>
            {t(`${k}.batchProgress`, { done: progress.done, total: progress.total })}
          </Typography.Text>
        </div>
      )}
      {outcome && <Alert type="success" showIcon title={outcome} style={{ marginTop: 12 }} />}
      {failures && <Alert type="error" showIcon title={failures} style={{ marginTop: 8 }} />}
    </Modal>
  );
}
