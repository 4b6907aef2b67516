// The dialogs built on the one form dialog: a step on a record (签发, 决定, 发放, 回访 …) sent with the
// record's version, the reason-only step (撤回, 中止), and a dialog that adds something new.
import { Alert, Form, type FormInstance } from 'antd';
import type { ReactNode } from 'react';
import { type MessageKey, t } from '../../../db/i18n';
import { FormModal, type ModalProps, useSavedThenClosed } from './FormDialog';
import { TextAreaField } from './fields';
import type { CatalogBlock } from './labels';
import { useApiForm } from './useApiForm';

interface FrameProps<V> {
  title: string;
  /** 保存 unless said. */
  okText?: string;
  danger?: boolean;
  width?: number;
  name?: string;
  testId?: string;
  /** Given where the dialog watches its own fields (Form.useWatch); made here otherwise. */
  form?: FormInstance<V>;
  initialValues?: Partial<V>;
  onValuesChange?: (changed: Partial<V>, all: V) => void;
  children: ReactNode;
}

/**
 * A dialog whose form the API answers: the toast once saved, the answer handed on, and on a
 * refusal the messages beside the fields with the dialog still open.
 */
export function SaveModal<V, R>({
  call,
  onSaved,
  onClose,
  successMessage,
  onStale,
  form: given,
  ...frame
}: FrameProps<V> & {
  call: (values: V) => Promise<R>;
  onSaved: (result: R) => void;
  onClose: () => void;
  successMessage: string | ((result: R, values: V) => string);
  /** The record changed or went meanwhile: the page reloads it while the dialog says why. */
  onStale?: () => void;
}) {
  const [form] = Form.useForm<V>(given);
  const { onFinish, submitting, failure } = useApiForm(form, call, {
    successMessage,
    onSuccess: onSaved,
    onStale,
    goneToo: true,
  });
  return (
    <FormModal<V>
      {...frame}
      form={form}
      onClose={onClose}
      onFinish={onFinish}
      submitting={submitting}
      failure={failure}
    />
  );
}

/** A step on a record: a conflict reloads the page behind the dialog; success closes it. */
export function StepModal<V, R>({
  done,
  onSaved,
  onConflict,
  ...frame
}: FrameProps<V> &
  ModalProps<R> & {
    call: (values: V) => Promise<R>;
    /** The toast once the step is done. */
    done: string;
  }) {
  const onSuccess = useSavedThenClosed(onSaved, frame.onClose);
  return <SaveModal {...frame} onSaved={onSuccess} successMessage={done} onStale={onConflict} />;
}

/** A catalog block that words a step's dialog: `<block>.title`, `.submit` (the button), `.done` (the toast). */
type StepBlock = CatalogBlock<'submit', 'title' | 'done'>;
/** A block that also has the warning and the reason's label of a reason-only step. */
type ReasonBlock = {
  [B in StepBlock]: `${B}.warning` | `${B}.reason` extends MessageKey ? B : never;
}[StepBlock];

/** A step dialog's title, button and toast, from its catalog block. */
export function stepTexts(block: StepBlock) {
  const text = (k: string) => t(`${block}.${k}` as MessageKey);
  return { title: text('title'), okText: text('submit'), done: text('done') };
}

/** A reason-only step's texts (ReasonModal), from its catalog block. */
export function reasonTexts(block: ReasonBlock) {
  return { ...stepTexts(block), warning: t(`${block}.warning`), label: t(`${block}.reason`) };
}

/**
 * A step that needs only a reason and a warning (撤回, 中止): the same dialog in every area that
 * has such a step, so each asks for the reason the same way.
 */
export function ReasonModal<R>({
  warning,
  label,
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
  return (
    <StepModal<{ reason?: string }, R> {...props} danger call={(v) => call(v.reason ?? '')}>
      <Alert type="warning" showIcon title={warning} style={{ marginBottom: 16 }} />
      <TextAreaField label={label} name="reason" required maxLength={500} />
    </StepModal>
  );
}
