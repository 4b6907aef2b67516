// The dialog of one step on a record's page (签发, 决定, 发放, 回访 …): the form, its API call with the
// record's version, the toast when it is done, and the reload when someone else changed the record.
import { Form, type FormInstance } from 'antd';
import type { ReactNode } from 'react';
import { FormModal, type ModalProps, useModalForm } from './FormDialog';
import { useApiForm } from './useApiForm';

export type StepModalProps<R> = ModalProps<R> & {
  title: string;
  okText: string;
  /** The toast once the step is done. */
  done: string;
  danger?: boolean;
  width?: number;
  children: ReactNode;
};

export function StepModal<V, R>({
  form: given,
  call,
  initialValues,
  onValuesChange,
  title,
  okText,
  done,
  danger,
  width,
  children,
  ...props
}: StepModalProps<R> & {
  /** Given where the dialog watches its own fields (Form.useWatch); made here otherwise. */
  form?: FormInstance<V>;
  call: (values: V) => Promise<R>;
  initialValues?: Partial<V>;
  onValuesChange?: (changed: Partial<V>, all: V) => void;
}) {
  const [form] = Form.useForm<V>(given);
  const { onFinish, submitting, failure } = useModalForm(form, call, props, done);
  return (
    <FormModal<V>
      title={title}
      onClose={props.onClose}
      form={form}
      onFinish={onFinish}
      submitting={submitting}
      failure={failure}
      okText={okText}
      danger={danger}
      width={width}
      initialValues={initialValues}
      onValuesChange={onValuesChange}
    >
      {children}
    </FormModal>
  );
}

/**
 * A dialog whose form adds something new (an assessment, a session): the toast once saved, the
 * answer handed to the page, and on a refusal the messages beside the fields with the dialog open.
 */
export function SaveModal<V, R>({
  call,
  onSaved,
  onClose,
  successMessage,
  title,
  okText,
  name,
  testId,
  width,
  initialValues,
  children,
}: {
  call: (values: V) => Promise<R>;
  onSaved: (result: R) => void;
  onClose: () => void;
  successMessage: string;
  title: string;
  okText: string;
  name?: string;
  testId?: string;
  width?: number;
  initialValues?: Partial<V>;
  children: ReactNode;
}) {
  const [form] = Form.useForm<V>();
  const { onFinish, submitting, failure } = useApiForm(form, call, { successMessage, onSuccess: onSaved });
  return (
    <FormModal<V>
      title={title}
      testId={testId}
      name={name}
      form={form}
      onClose={onClose}
      onFinish={onFinish}
      submitting={submitting}
      failure={failure}
      okText={okText}
      width={width}
      initialValues={initialValues}
    >
      {children}
    </FormModal>
  );
}
