// The dialog of one step on a record's page (签发, 决定, 发放, 回访 …): the form, its API call with the
// record's version, the toast when it is done, and the reload when someone else changed the record.
import { Form, type FormInstance } from 'antd';
import type { ReactNode } from 'react';
import { FormModal, type ModalProps, useModalForm } from './FormDialog';

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
