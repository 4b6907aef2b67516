import {
  CheckCircleOutlined,
  CloudSyncOutlined,
  DeleteOutlined,
  ExclamationCircleOutlined,
  SendOutlined,
} from '@ant-design/icons';
import { Alert, App, Button, Card, DatePicker, Flex, Form, Input, Radio, Typography, theme } from 'antd';
import dayjs from 'dayjs';
import { type KeyboardEvent, useCallback, useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { t } from '../../../db/i18n';
import { api, toApiCallError } from '../api/client';
import { DATE_FORMAT, dateItem, todayText } from '../common/dates';
import { BackButton } from '../common/empty';
import { FormAlert } from '../common/FormAlert';
import { blankToNull } from '../common/forms';
import { labelOr } from '../common/labels';
import { useApiForm } from '../common/useApiForm';
import { useReminderBadge } from '../session/reminderBadge';
import { useSession } from '../session/store';
import { FindingsInput, NeedsInput } from './fields';
import { FINDING_KEYS, VISIT_KINDS, type Visit, type VisitValues } from './types';
import { type SaveStatus, useDraftSaver } from './useDraftSaver';

export const visitKindLabel = (k: string) => labelOr(`codes.visitKind.${k}`, k);

const BIG = { fontSize: 16 } as const;

function valuesOf(draft: Visit | null, visitor: string | undefined): VisitValues {
  if (!draft) return { date: todayText(), visitors: visitor ?? null, findings: {}, needsFound: [] };
  return {
    date: draft.date,
    kind: draft.kind,
    place: draft.place,
    visitors: draft.visitors,
    personsMet: draft.personsMet,
    findings: draft.findings ?? {},
    needsFound: draft.needsFound ?? [],
    actionsAgreed: draft.actionsAgreed,
    nextVisitDate: draft.nextVisitDate,
  };
}

/** What finalize takes: empty text as null, every finding key present. */
function toFinalInput(id: string, v: VisitValues) {
  const findings = Object.fromEntries(FINDING_KEYS.map((k) => [k, blankToNull(v.findings?.[k])]));
  return {
    id,
    date: v.date ?? '',
    kind: v.kind as NonNullable<VisitValues['kind']>,
    place: blankToNull(v.place),
    visitors: blankToNull(v.visitors),
    personsMet: blankToNull(v.personsMet),
    findings,
    needsFound: (v.needsFound ?? []).map((n) => ({ kind: n.kind, note: blankToNull(n.note) })),
    actionsAgreed: blankToNull(v.actionsAgreed),
    nextVisitDate: v.nextVisitDate ?? null,
  };
}

/**
 * One screen for a doorstep: big fields top to bottom in Tab order, Ctrl+Enter submits, and
 * every change is saved as a draft a moment later (and at once when a field is left), so a
 * crash, a lock or a reload loses nothing.
 */
export function VisitEditor({
  childId,
  childName,
  draft,
  resumed,
  onCreated,
  onFinalized,
}: {
  childId: string;
  childName: string;
  /** The draft being resumed, or null for a new visit. */
  draft: Visit | null;
  resumed: boolean;
  onCreated: (id: string) => void;
  onFinalized: (visit: Visit) => void;
}) {
  const navigate = useNavigate();
  const { message, modal } = App.useApp();
  const { token } = theme.useToken();
  const user = useSession((s) => s.user);
  const [form] = Form.useForm<VisitValues>();
  const initialValues = useMemo(() => valuesOf(draft, user?.displayName), [draft, user?.displayName]);
  const saver = useDraftSaver({
    childId,
    initialId: draft?.id ?? null,
    initialSavedAt: draft?.updatedAt ?? null,
    onCreated,
  });
  const [discarding, setDiscarding] = useState(false);

  const call = useCallback(
    async (values: VisitValues) => {
      const all = { ...initialValues, ...form.getFieldsValue(true), ...values };
      const id = await saver.ensureSaved(all);
      return api('visits.finalize', toFinalInput(id, all));
    },
    [form, initialValues, saver],
  );
  const { onFinish, submitting, failure } = useApiForm(form, call, {
    successMessage: t('visits.editor.finalized'),
    onSuccess: (visit) => {
      saver.close();
      // The next visit date is a reminder now.
      useReminderBadge.getState().refresh();
      onFinalized(visit);
    },
  });

  const submit = () => form.submit();
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      submit();
    }
  };

  const discard = () => {
    modal.confirm({
      title: t('visits.editor.discardTitle'),
      content: t('visits.editor.discardText'),
      okText: t('visits.editor.discard'),
      okButtonProps: { danger: true },
      cancelText: t('app.common.cancel'),
      onOk: async () => {
        setDiscarding(true);
        try {
          await saver.flush();
          saver.close();
          const id = saver.draftId();
          if (id) await api('visits.discardDraft', { id });
          message.success(t('visits.editor.discarded'));
          navigate('/visits');
        } catch (err) {
          const e = toApiCallError(err);
          if (e.code !== 'LOCKED') message.error(e.message);
        } finally {
          setDiscarding(false);
        }
      },
    });
  };

  const big = { size: 'large' as const, style: BIG };

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: the keys bubble up from the fields; this only listens for Ctrl+Enter.
    <div onKeyDown={onKeyDown} onBlur={() => void saver.flush()} data-testid="visit-editor">
      <div style={{ maxWidth: 920 }}>
        <BackButton to="/visits" label={t('visits.editor.back')} />
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          {t('visits.editor.title', { name: childName })}
        </Typography.Title>
        {resumed && draft && (
          <Alert
            type="info"
            showIcon
            title={t('visits.editor.resumed', { time: dayjs(draft.updatedAt).format('YYYY-MM-DD HH:mm:ss') })}
            style={{ marginBottom: 16 }}
          />
        )}
        <FormAlert failure={failure} />
        <Form<VisitValues>
          form={form}
          name="visit"
          layout="vertical"
          autoComplete="off"
          initialValues={initialValues}
          onFinish={onFinish}
          onValuesChange={() => saver.schedule({ ...initialValues, ...form.getFieldsValue(true) })}
          requiredMark
        >
          <Card title={t('visits.editor.basics')} style={{ marginBottom: 16 }}>
            <Flex gap={24} wrap>
              <Form.Item
                label={t('visits.fields.date')}
                name="date"
                rules={[{ required: true, message: t('validation.visit.dateRequired') }]}
                {...dateItem}
              >
                <DatePicker {...big} format={DATE_FORMAT} style={{ ...BIG, width: 220 }} />
              </Form.Item>
              <Form.Item
                label={t('visits.fields.kind')}
                name="kind"
                rules={[{ required: true, message: t('validation.visit.kindRequired') }]}
              >
                <Radio.Group
                  size="large"
                  optionType="button"
                  buttonStyle="solid"
                  options={VISIT_KINDS.map((k) => ({ value: k, label: visitKindLabel(k) }))}
                />
              </Form.Item>
            </Flex>
            <Form.Item label={t('visits.fields.place')} name="place">
              <Input {...big} maxLength={100} placeholder={t('visits.placeholders.place')} />
            </Form.Item>
            <Flex gap={16}>
              <Form.Item label={t('visits.fields.visitors')} name="visitors" style={{ flex: 1 }}>
                <Input {...big} maxLength={200} placeholder={t('visits.placeholders.visitors')} />
              </Form.Item>
              <Form.Item label={t('visits.fields.personsMet')} name="personsMet" style={{ flex: 1 }}>
                <Input {...big} maxLength={200} placeholder={t('visits.placeholders.personsMet')} />
              </Form.Item>
            </Flex>
          </Card>

          <Card title={t('visits.editor.findings')} style={{ marginBottom: 16 }}>
            <Form.Item
              name="findings"
              extra={t('visits.editor.findingsHelp')}
              rules={[
                {
                  validator: (_, v?: VisitValues['findings']) =>
                    FINDING_KEYS.some((k) => v?.[k]?.trim())
                      ? Promise.resolve()
                      : Promise.reject(new Error(t('validation.visit.findingsRequired'))),
                },
              ]}
              style={{ marginBottom: 0 }}
            >
              <FindingsInput />
            </Form.Item>
          </Card>

          <Card title={t('visits.editor.needs')} style={{ marginBottom: 16 }}>
            <Typography.Paragraph type="secondary">{t('visits.editor.needsHelp')}</Typography.Paragraph>
            <Form.Item name="needsFound" style={{ marginBottom: 0 }}>
              <NeedsInput />
            </Form.Item>
          </Card>

          <Card title={t('visits.editor.follow')} style={{ marginBottom: 16 }}>
            <Form.Item label={t('visits.fields.actionsAgreed')} name="actionsAgreed">
              <Input.TextArea
                maxLength={2000}
                autoSize={{ minRows: 3, maxRows: 10 }}
                placeholder={t('visits.placeholders.actionsAgreed')}
                style={BIG}
              />
            </Form.Item>
            <Form.Item
              label={t('visits.fields.nextVisitDate')}
              name="nextVisitDate"
              dependencies={['date']}
              rules={[
                ({ getFieldValue }) => ({
                  validator: (_, v?: string | null) => {
                    const date = getFieldValue('date') as string | null | undefined;
                    return v && date && v <= date
                      ? Promise.reject(new Error(t('validation.visit.nextAfterVisit')))
                      : Promise.resolve();
                  },
                }),
              ]}
              style={{ marginBottom: 0 }}
              {...dateItem}
            >
              <DatePicker {...big} format={DATE_FORMAT} style={{ ...BIG, width: 220 }} />
            </Form.Item>
          </Card>
        </Form>
      </div>

      <div
        style={{
          position: 'sticky',
          bottom: 0,
          marginInline: -24,
          padding: '12px 24px 16px',
          background: token.colorBgContainer,
          borderTop: `1px solid ${token.colorBorderSecondary}`,
          boxShadow: '0 -2px 8px rgba(0, 0, 0, 0.04)',
          zIndex: 2,
        }}
      >
        <Flex align="center" justify="space-between" gap={16} wrap style={{ maxWidth: 920 }}>
          <SaveIndicator status={saver.status} />
          <Flex gap={8} align="center">
            <Typography.Text type="secondary">{t('visits.editor.submitHint')}</Typography.Text>
            <Button type="primary" size="large" icon={<SendOutlined />} loading={submitting} onClick={submit}>
              {t('visits.editor.submit')}
            </Button>
            <Button size="large" danger icon={<DeleteOutlined />} loading={discarding} onClick={discard}>
              {t('visits.editor.discard')}
            </Button>
          </Flex>
        </Flex>
      </div>
    </div>
  );
}

function SaveIndicator({ status }: { status: SaveStatus }) {
  const { token } = theme.useToken();
  let icon = <CloudSyncOutlined />;
  let text = t('visits.editor.notSaved');
  let color: string = token.colorTextSecondary;
  if (status.kind === 'saving') text = t('visits.editor.saving');
  if (status.kind === 'saved') {
    icon = <CheckCircleOutlined />;
    text = t('visits.editor.saved', { time: dayjs(status.at).format('HH:mm:ss') });
    color = token.colorSuccess;
  }
  if (status.kind === 'error') {
    icon = <ExclamationCircleOutlined />;
    text = t('visits.editor.saveFailed', { message: status.message });
    color = token.colorError;
  }
  return (
    <span role="status" aria-live="polite" data-testid="draft-status" style={{ color, fontSize: 15 }}>
      <span aria-hidden style={{ marginInlineEnd: 6 }}>
        {icon}
      </span>
      {text}
    </span>
  );
}
