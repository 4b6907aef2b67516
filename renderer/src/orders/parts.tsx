// Pieces the orders and education screens share: date plumbing, status tags, the dialog frame.
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Form, type FormInstance, Input, Modal, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { type KeyboardEvent, type ReactNode, useCallback } from 'react';
import { Link } from 'react-router';
import { t } from '../../../db/i18n';
import type { ApiOutput } from '../api/client';
import { ApiCallError, toApiCallError } from '../api/client';
import { FormAlert } from '../common/FormAlert';
import { labelOr } from '../common/labels';
import { type FormFailure, useApiForm } from '../common/useApiForm';

export type OrderView = ApiOutput<'orders.get'>;
export type OrderStatus = OrderView['status'];
export type RequirementView = OrderView['requirements'][number];
export type FollowUpView = OrderView['followUps'][number];

export const DATE_FORMAT = 'YYYY-MM-DD';

/** The caseworker's calendar day; the core counts dates in the same local days. */
export function todayText(): string {
  return dayjs().format(DATE_FORMAT);
}

/** For a DatePicker's disabledDate: a day that has not come yet. */
export function afterToday(d: Dayjs): boolean {
  return d.format(DATE_FORMAT) > todayText();
}

/**
 * Form.Item props for a DatePicker: the picker works in dayjs, the form keeps the API's
 * 'YYYY-MM-DD' text, so values go out as they are and field errors come back under the same name.
 */
export const dateItem = {
  getValueProps: (v?: string | null) => ({ value: v ? dayjs(v, DATE_FORMAT) : null }),
  normalize: (d: Dayjs | null) => (d ? d.format(DATE_FORMAT) : null),
};

/**
 * For forms: Enter in a one-line box or a date picker (where it confirms the typed date)
 * must not send the form; the caseworker sends it with the button.
 */
export function keepEnterFromSubmitting(e: KeyboardEvent<HTMLFormElement>): void {
  if (e.key === 'Enter' && e.target instanceof HTMLInputElement) e.preventDefault();
}

type NamePath = (string | number)[];

function changedPaths(value: unknown, prefix: NamePath, out: NamePath[]): void {
  out.push(prefix);
  if (Array.isArray(value)) {
    value.forEach((v, i) => {
      // A list's change names only the rows that changed; the others are holes.
      if (v !== undefined) changedPaths(v, [...prefix, i], out);
    });
  } else if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    for (const [k, v] of Object.entries(value)) changedPaths(v, [...prefix, k], out);
  }
}

/**
 * An API message beside a field answers what was sent; once the caseworker changes that field
 * it no longer applies. Fields with rules clear themselves; the API's own ones are cleared here.
 */
export function clearStaleErrors(form: FormInstance, changed: Record<string, unknown>): void {
  const paths: NamePath[] = [];
  for (const [k, v] of Object.entries(changed)) changedPaths(v, [k], paths);
  const stale = paths.filter((name) => form.getFieldError(name).length > 0);
  if (stale.length > 0) form.setFields(stale.map((name) => ({ name, errors: [] })));
}

/** Empty text means "not filled", which the API stores as null. */
export function blankToNull(v: string | null | undefined): string | null {
  const s = v?.trim() ?? '';
  return s === '' ? null : s;
}

export function formatTime(ms: number | null): string {
  return ms ? dayjs(ms).format('YYYY-MM-DD HH:mm') : '';
}

// Codes arrive as plain strings where the view widens them; an unknown one shows raw.
export const relationLabel = (r: string) => labelOr(`codes.relation.${r}`, r);

export const ORDER_STATUS_COLOR: Record<OrderStatus, string> = {
  draft: 'default',
  pending: 'gold',
  approved: 'blue',
  observing: 'cyan',
  evaluating: 'orange',
  closed: 'green',
  withdrawn: 'default',
};

export function OrderStatusTag({ status, testId }: { status: OrderStatus; testId?: string }) {
  return (
    <Tag color={ORDER_STATUS_COLOR[status]} style={{ marginInlineEnd: 0 }} data-testid={testId}>
      {t(`codes.orderStatus.${status}`)}
    </Tag>
  );
}

export function OverdueTag({ label }: { label?: string }) {
  return (
    <Tag color="red" variant="solid" style={{ marginInlineEnd: 0 }}>
      {label ?? t('orders.shared.overdue')}
    </Tag>
  );
}

export function None() {
  return <Typography.Text type="secondary">{t('app.common.empty')}</Typography.Text>;
}

export function orNone(value: ReactNode) {
  return value === null || value === undefined || value === '' ? <None /> : value;
}

export function BackLink({ to, label }: { to: string; label: string }) {
  return (
    <Link to={to}>
      <ArrowLeftOutlined aria-hidden /> {label}
    </Link>
  );
}

/** Long free text as the caseworker typed it, line breaks kept. */
export function Prose({ text, testId }: { text: string | null; testId?: string }) {
  if (!text) return <None />;
  return (
    <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }} data-testid={testId}>
      {text}
    </Typography.Paragraph>
  );
}

/** The frame every dialog here shares: the form's alert on top, cancel and submit below. */
export function FormModal<V>({
  title,
  onClose,
  form,
  onFinish,
  submitting,
  failure,
  okText,
  danger,
  width = 560,
  initialValues,
  onValuesChange,
  children,
}: {
  title: string;
  onClose: () => void;
  form: FormInstance<V>;
  onFinish: (values: V) => void;
  submitting: boolean;
  failure: FormFailure | null;
  okText: string;
  danger?: boolean;
  width?: number;
  initialValues?: Partial<V>;
  onValuesChange?: (changed: Partial<V>, all: V) => void;
  children: ReactNode;
}) {
  return (
    <Modal
      title={title}
      open
      onCancel={onClose}
      width={width}
      mask={{ closable: false }}
      footer={
        <Flex justify="end" gap={8}>
          <Button onClick={onClose}>{t('app.common.cancel')}</Button>
          <Button type="primary" danger={danger} loading={submitting} onClick={() => form.submit()}>
            {okText}
          </Button>
        </Flex>
      }
    >
      <FormAlert failure={failure} />
      <Form<V>
        form={form}
        layout="vertical"
        onFinish={onFinish}
        initialValues={initialValues as Record<string, unknown> | undefined}
        onValuesChange={(changed, all) => {
          clearStaleErrors(form as FormInstance, changed as Record<string, unknown>);
          onValuesChange?.(changed, all);
        }}
        onKeyDown={keepEnterFromSubmitting}
        autoComplete="off"
      >
        {children}
      </Form>
    </Modal>
  );
}

export interface ModalProps<R> {
  onClose: () => void;
  onSaved: (view: R) => void;
  /** Someone else changed the record: the page loads it again while the dialog shows why. */
  onConflict: () => void;
}

/**
 * A dialog's form: on success it hands the fresh record to the page and closes; on a
 * conflict it keeps the message and lets the page reload, so the next try starts from
 * what the other person saved.
 */
export function useModalForm<V, R>(
  form: FormInstance<V>,
  call: (values: V) => Promise<R>,
  { onClose, onSaved, onConflict }: ModalProps<R>,
  successMessage: string,
) {
  const guarded = useCallback(
    async (values: V) => {
      try {
        return await call(values);
      } catch (err) {
        const e = toApiCallError(err);
        if (e.code === 'CONFLICT' || e.code === 'NOT_FOUND') onConflict();
        throw e instanceof ApiCallError ? e : err;
      }
    },
    [call, onConflict],
  );
  const onSuccess = useCallback(
    (view: R) => {
      onSaved(view);
      onClose();
    },
    [onSaved, onClose],
  );
  return useApiForm(form, guarded, { onSuccess, successMessage });
}

/**
 * A step that needs only a reason and a warning (撤回, 中止): the same dialog in every area that
 * has such a step, so each asks for the reason the same way.
 */
export function ReasonModal<R>({
  title,
  warning,
  label,
  okText,
  done,
  call,
  ...props
}: ModalProps<R> & {
  title: string;
  warning: string;
  label: string;
  okText: string;
  done: string;
  call: (reason: string) => Promise<R>;
}) {
  const [form] = Form.useForm<{ reason?: string }>();
  const submit = useCallback((v: { reason?: string }) => call(v.reason ?? ''), [call]);
  const { onFinish, submitting, failure } = useModalForm(form, submit, props, done);
  return (
    <FormModal
      title={title}
      onClose={props.onClose}
      form={form}
      onFinish={onFinish}
      submitting={submitting}
      failure={failure}
      okText={okText}
      danger
    >
      <Alert type="warning" showIcon title={warning} style={{ marginBottom: 16 }} />
      <Form.Item label={label} name="reason" required>
        <Input.TextArea rows={3} maxLength={500} />
      </Form.Item>
    </FormModal>
  );
}
