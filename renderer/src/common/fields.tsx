// Form fields that stand the same way in every area's forms and dialogs.
import { DatePicker, Form, Input, Select } from 'antd';
import type { ReactNode } from 'react';
import { afterToday, DATE_FORMAT, dateItem } from './dates';

type NamePath = string | number | (string | number)[];

/** A date kept as the API's 'YYYY-MM-DD' text; a day to come is refused unless `future`. */
export function DateField({
  label,
  name,
  required,
  future,
  width = 200,
  extra,
  noClear,
  placeholder,
}: {
  label: ReactNode;
  name: NamePath;
  required?: boolean;
  future?: boolean;
  width?: number | string;
  extra?: ReactNode;
  /** A date the record cannot be without: the picker offers no clear button. */
  noClear?: boolean;
  placeholder?: string;
}) {
  return (
    <Form.Item label={label} name={name} required={required} extra={extra} {...dateItem}>
      <DatePicker
        format={DATE_FORMAT}
        disabledDate={future ? undefined : afterToday}
        allowClear={noClear ? false : undefined}
        placeholder={placeholder}
        style={{ width }}
      />
    </Form.Item>
  );
}

/** Free text over a few lines (a reason, a note, findings). */
export function TextAreaField({
  label,
  name,
  required,
  rows = 3,
  maxLength = 2000,
  placeholder,
  extra,
}: {
  label: ReactNode;
  name: NamePath;
  required?: boolean;
  rows?: number;
  maxLength?: number;
  placeholder?: string;
  extra?: ReactNode;
}) {
  return (
    <Form.Item label={label} name={name} required={required} extra={extra}>
      <Input.TextArea rows={rows} maxLength={maxLength} placeholder={placeholder} />
    </Form.Item>
  );
}

/** One line of text. */
export function TextField({
  label,
  name,
  required,
  maxLength,
  placeholder,
  extra,
}: {
  label: ReactNode;
  name: NamePath;
  required?: boolean;
  maxLength: number;
  placeholder?: string;
  extra?: ReactNode;
}) {
  return (
    <Form.Item label={label} name={name} required={required} extra={extra}>
      <Input maxLength={maxLength} placeholder={placeholder} />
    </Form.Item>
  );
}

/** One choice from a list; `requiredMessage` says what to do when nothing is chosen. */
export function SelectField<V extends string>({
  label,
  name,
  options,
  requiredMessage,
}: {
  label: ReactNode;
  name: NamePath;
  options: { value: V; label: string }[];
  requiredMessage?: string;
}) {
  return (
    <Form.Item
      label={label}
      name={name}
      rules={requiredMessage ? [{ required: true, message: requiredMessage }] : undefined}
    >
      <Select<V> options={options} />
    </Form.Item>
  );
}
