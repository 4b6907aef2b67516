// The form of a create or edit page in every area (the API's failure on top), and the form inside it
// and inside every dialog: vertical, Enter in a one-line box does not send it, and an API message
// beside a field clears once the field changes.
import { Form, type FormInstance } from 'antd';
import type { CSSProperties, ReactNode } from 'react';
import { FormAlert } from './FormAlert';
import { clearStaleErrors, keepEnterFromSubmitting } from './forms';
import type { FormFailure } from './useApiForm';

/**
 * The form itself, as pages and dialogs both hold it: vertical, Enter in a one-line box does not
 * send it, and an API message beside a field clears once the caseworker changes that field.
 */
export function SendingForm<V>({
  form,
  name,
  onFinish,
  initialValues,
  onValuesChange,
  style,
  children,
}: {
  form: FormInstance<V>;
  name?: string;
  onFinish: (values: V) => void;
  initialValues?: Partial<V>;
  /** Besides clearing stale messages (done here), e.g. a default that follows another field. */
  onValuesChange?: (changed: Partial<V>, all: V) => void;
  style?: CSSProperties;
  children: ReactNode;
}) {
  return (
    <Form<V>
      form={form}
      name={name}
      layout="vertical"
      onFinish={onFinish}
      initialValues={initialValues as Record<string, unknown> | undefined}
      onValuesChange={(changed, all) => {
        clearStaleErrors(form as FormInstance, changed as Record<string, unknown>);
        onValuesChange?.(changed, all);
      }}
      onKeyDown={keepEnterFromSubmitting}
      autoComplete="off"
      style={style}
    >
      {children}
    </Form>
  );
}

/** A form with the API's failure on top: a page's (as wide as `maxWidth`) or a dialog's. */
export function PageForm<V>({
  maxWidth,
  failure,
  children,
  ...form
}: {
  form: FormInstance<V>;
  /** The form's name, which prefixes its fields' ids. */
  name?: string;
  onFinish: (values: V) => void;
  initialValues?: Partial<V>;
  failure: FormFailure | null;
  maxWidth?: number;
  onValuesChange?: (changed: Partial<V>, all: V) => void;
  children: ReactNode;
}) {
  return (
    <SendingForm<V> {...form} style={maxWidth ? { maxWidth } : undefined}>
      <FormAlert failure={failure} />
      {children}
    </SendingForm>
  );
}
