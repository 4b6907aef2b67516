// The form of a create or edit page in every area: vertical, the API's failure on top, Enter in a
// one-line box does not send it, and an API message beside a field clears once the field changes.
import { Form, type FormInstance } from 'antd';
import type { ReactNode } from 'react';
import { FormAlert } from './FormAlert';
import { clearStaleErrors, keepEnterFromSubmitting } from './forms';
import type { FormFailure } from './useApiForm';

export function PageForm<V>({
  form,
  onFinish,
  initialValues,
  failure,
  maxWidth,
  onValuesChange,
  children,
}: {
  form: FormInstance<V>;
  onFinish: (values: V) => void;
  initialValues?: Partial<V>;
  failure: FormFailure | null;
  maxWidth?: number;
  /** Besides clearing stale messages (done here), e.g. a default that follows another field. */
  onValuesChange?: (changed: Partial<V>, all: V) => void;
  children: ReactNode;
}) {
  return (
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
      style={maxWidth ? { maxWidth } : undefined}
    >
      <FormAlert failure={failure} />
      {children}
    </Form>
  );
}
