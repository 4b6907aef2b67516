// 导出转介摘要: the caseworker chooses what a partner agency gets, sees it as it will print,
// and exports it through the shell. The batch dialog (SummaryBatchDialog) shares the form.
import { Alert, App, Button, Checkbox, DatePicker, Flex, Form, Input, Modal, Select, Spin } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { SUMMARY_SECTIONS, type SummarySection } from '../../../db/documents/inputs';
import { t } from '../../../db/i18n';
import { api, toApiCallError } from '../api/client';
import { useApiQuery } from '../common/useApiQuery';
import { ChildSummaryDocument, type SummaryData } from './ChildSummaryDocument';
import { exportChildSummary, type SummaryTarget } from './printClient';
import type { SummaryOptions } from './routes';
import './print.css';

export interface SummaryFormValues {
  sections: SummarySection[];
  range?: [Dayjs | null, Dayjs | null] | null;
  partner?: string;
  partnerOther?: string;
  fullId?: boolean;
  fullIdReason?: string;
  includeCharge?: boolean;
  appendFiles?: boolean;
}

export const DEFAULT_SECTIONS: SummarySection[] = ['basic', 'guardianship', 'needs', 'referrals'];
const OTHER = '__other__';
const PREVIEW_DELAY_MS = 400;

/** The form's values as print options, or null while something required is missing. */
export function toOptions(v: SummaryFormValues, allowFullId: boolean): SummaryOptions | null {
  const partner = v.partner === OTHER ? v.partnerOther?.trim() : v.partner;
  if (!v.sections?.length || !partner) return null;
  const reason = allowFullId && v.fullId ? v.fullIdReason?.trim() || null : null;
  if (allowFullId && v.fullId && !reason) return null;
  return {
    sections: SUMMARY_SECTIONS.filter((s) => v.sections.includes(s)),
    from: v.range?.[0]?.format('YYYY-MM-DD') ?? null,
    to: v.range?.[1]?.format('YYYY-MM-DD') ?? null,
    partner,
    fullIdReason: reason,
    includeCharge: !!v.includeCharge,
    // Only with the 附件目录 it goes with.
    appendFiles: !!v.appendFiles && v.sections.includes('attachments'),
  };
}

/** The partners the studio sends to: the referral agencies (settings), the counselling institution, 其他. */
function usePartnerOptions(enabled: boolean) {
  const { data } = useApiQuery('settings.get', enabled ? {} : null);
  return useMemo(() => {
    const other = t('documents.export.otherAgency');
    const named = (data?.agencies ?? []).filter((a) => a !== other);
    const counselling = t('documents.export.counsellingAgency');
    if (!named.includes(counselling)) named.push(counselling);
    return [...named.map((a) => ({ value: a, label: a })), { value: OTHER, label: other }];
  }, [data]);
}

export function SummaryOptionsFields({ allowFullId, enabled }: { allowFullId: boolean; enabled: boolean }) {
  const partners = usePartnerOptions(enabled);
  const form = Form.useFormInstance<SummaryFormValues>();
  const partner = Form.useWatch('partner', form);
  const fullId = Form.useWatch('fullId', form);
  const sections = Form.useWatch('sections', form) as SummarySection[] | undefined;
  const k = 'documents.export';
  return (
    <>
      <Form.Item
        label={t(`${k}.sections`)}
        name="sections"
        rules={[
          { required: true, type: 'array', min: 1, message: t('documents.validation.sectionsRequired') },
        ]}
      >
        <Checkbox.Group
          style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', rowGap: 4 }}
          options={SUMMARY_SECTIONS.map((s) => ({ value: s, label: t(`documents.summary.sections.${s}`) }))}
        />
      </Form.Item>
      <Form.Item label={t(`${k}.range`)} name="range" extra={t(`${k}.rangeHint`)}>
        <DatePicker.RangePicker allowEmpty={[true, true]} />
      </Form.Item>
      <Flex gap={12} wrap>
        <Form.Item
          label={t(`${k}.partner`)}
          name="partner"
          rules={[{ required: true, message: t('documents.validation.partnerRequired') }]}
          style={{ minWidth: 200 }}
        >
          <Select options={partners} placeholder={t('documents.validation.partnerRequired')} />
        </Form.Item>
        {partner === OTHER && (
          <Form.Item
            label={t(`${k}.partnerOther`)}
            name="partnerOther"
            rules={[{ required: true, whitespace: true, message: t('documents.validation.partnerRequired') }]}
            style={{ flex: 1, minWidth: 200 }}
          >
            <Input maxLength={40} placeholder={t(`${k}.partnerOtherPlaceholder`)} />
          </Form.Item>
        )}
      </Flex>
      {allowFullId && (
        <>
          <Form.Item name="fullId" valuePropName="checked" style={{ marginBottom: 8 }}>
            <Checkbox>{t(`${k}.fullId`)}</Checkbox>
          </Form.Item>
          {fullId && (
            <Form.Item
              label={t(`${k}.fullIdReason`)}
              name="fullIdReason"
              rules={[
                { required: true, whitespace: true, message: t('documents.validation.reasonRequired') },
              ]}
            >
              <Input maxLength={200} placeholder={t(`${k}.fullIdReasonPlaceholder`)} />
            </Form.Item>
          )}
        </>
      )}
      <Form.Item name="includeCharge" valuePropName="checked" extra={t(`${k}.includeChargeHint`)}>
        <Checkbox>{t(`${k}.includeCharge`)}</Checkbox>
      </Form.Item>
      {sections?.includes('attachments') && (
        <Form.Item name="appendFiles" valuePropName="checked" extra={t(`${k}.appendFilesHint`)}>
          <Checkbox>{t(`${k}.appendFiles`)}</Checkbox>
        </Form.Item>
      )}
    </>
  );
}

/**
 * The document as it will print, from the same component the print window renders. The
 * preview never asks for the full ID number: each reveal is audited, and a preview is
 * redrawn at every change of the form.
 */
function Preview({ childId, options }: { childId: string; options: SummaryOptions | null }) {
  const [doc, setDoc] = useState<SummaryData | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const key = options ? JSON.stringify({ ...options, fullIdReason: null }) : null;

  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for the options' value.
  useEffect(() => {
    if (!options) return;
    let live = true;
    setLoading(true);
    const timer = setTimeout(() => {
      api('documents.childSummary', {
        childId,
        sections: options.sections,
        from: options.from,
        to: options.to,
        partner: options.partner,
        fullId: null,
        includeCharge: options.includeCharge,
        appendFiles: options.appendFiles,
      })
        .then((d) => {
          if (!live) return;
          setDoc(d);
          setError(null);
        })
        .catch((err) => {
          const e = toApiCallError(err);
          if (live && e.code !== 'LOCKED') setError(e.message);
        })
        .finally(() => live && setLoading(false));
    }, PREVIEW_DELAY_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [childId, key]);

  const k = 'documents.export';
  return (
    <section aria-label={t(`${k}.preview`)}>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 8 }} />}
      {doc?.counselling?.restricted && (
        <Alert type="info" showIcon title={t(`${k}.counsellingOmitted`)} style={{ marginBottom: 8 }} />
      )}
      {options?.fullIdReason && (
        <Alert type="warning" showIcon title={t(`${k}.fullIdPreview`)} style={{ marginBottom: 8 }} />
      )}
      <Spin spinning={loading} description={t(`${k}.previewLoading`)}>
        <div className="sw-preview" data-testid="summary-preview">
          {doc ? <ChildSummaryDocument doc={doc} preview /> : <div style={{ height: 240 }} />}
        </div>
      </Spin>
    </section>
  );
}

export function SummaryExportDialog({
  open,
  child,
  onClose,
}: {
  open: boolean;
  child: SummaryTarget;
  onClose: () => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<SummaryFormValues>();
  const values = Form.useWatch([], form) as SummaryFormValues | undefined;
  const options = values ? toOptions(values, true) : null;
  const [exporting, setExporting] = useState(false);
  const k = 'documents.export';

  const submit = async () => {
    let v: SummaryFormValues;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    const o = toOptions(v, true);
    if (!o) return;
    setExporting(true);
    try {
      const saved = await exportChildSummary(child, o);
      if (saved) {
        message.success(t('documents.print.saved', { fileName: saved.fileName, pages: saved.pages }));
        onClose();
      } else {
        message.info(t('documents.print.cancelled'));
      }
    } catch (err) {
      const e = toApiCallError(err);
      if (e.code !== 'LOCKED') message.error(t('documents.print.failed', { message: e.message }));
    } finally {
      setExporting(false);
    }
  };

  return (
    <Modal
      title={t(`${k}.title`)}
      open={open}
      width={1120}
      onCancel={onClose}
      destroyOnHidden
      footer={
        <Flex justify="end" gap={8}>
          <Button onClick={onClose}>{t(`${k}.cancel`)}</Button>
          <Button type="primary" loading={exporting} onClick={() => void submit()}>
            {t(`${k}.submit`)}
          </Button>
        </Flex>
      }
    >
      {/* Options beside the page they produce, so each change is seen where it lands. */}
      <Flex gap={20} align="flex-start">
        <div style={{ width: 340, flex: 'none' }}>
          <Form<SummaryFormValues>
            form={form}
            name="summaryExport"
            layout="vertical"
            autoComplete="off"
            initialValues={{ sections: DEFAULT_SECTIONS, includeCharge: false, fullId: false }}
          >
            <SummaryOptionsFields allowFullId enabled={open} />
          </Form>
        </div>
        <div style={{ flex: 1, minWidth: 0 }}>
          <Preview childId={child.childId} options={options} />
        </div>
      </Flex>
    </Modal>
  );
}
