// Form fields that stand the same way in every area's forms and dialogs.
import { Checkbox, Col, DatePicker, Form, Input, InputNumber, Radio, Row, Select } from 'antd';
import { Children, type CSSProperties, isValidElement, type ReactNode } from 'react';
import { afterToday, DATE_FORMAT, dateItem } from './dates';
import { requiredText } from './forms';

type NamePath = string | number | (string | number)[];

/** What every field's item takes: `requiredMessage` refuses a blank value with that message. */
interface ItemProps {
  label?: ReactNode;
  name: NamePath;
  /** The mark only: the API (or a rule of the field's own) says what is missing. */
  required?: boolean;
  requiredMessage?: string;
  extra?: ReactNode;
  style?: CSSProperties;
}

/**
 * A text is refused when blank or spaces only, a choice or a number when not given; either
 * way with the field's own message.
 */
const requiredRules = (message: string | undefined, text: boolean) =>
  message ? (text ? requiredText(message) : [{ required: true, message }]) : undefined;

/**
 * A form's fields named as the API names them and labelled by the catalog entry of that name:
 * `const field = fieldsIn(f)`, then `<TextField {...field('court')} … />`.
 */
export const fieldsIn =
  <K extends string>(label: (name: K) => string) =>
  (name: K) => ({ name, label: label(name) });

/** A list of codes as a field's options, each worded by `label`. */
export const optionsOf = <C extends string>(codes: readonly C[], label: (code: C) => string) =>
  codes.map((value) => ({ value, label: label(value) }));

/** Fields side by side on one row: each in a column `span` wide (of 24), or as `spans` says. */
export function FieldRow({
  span = 12,
  spans,
  children,
}: {
  span?: number;
  spans?: number[];
  children: ReactNode;
}) {
  return (
    <Row gutter={16}>
      {Children.toArray(children).map((field, i) => (
        <Col key={isValidElement(field) ? field.key : i} span={spans?.[i] ?? span}>
          {field}
        </Col>
      ))}
    </Row>
  );
}

/** A date kept as the API's 'YYYY-MM-DD' text; a day to come is refused unless `future`. */
export function DateField({
  label,
  name,
  required,
  requiredMessage,
  future,
  width = 200,
  extra,
  noClear,
  placeholder,
}: {
  label: ReactNode;
  name: NamePath;
  required?: boolean;
  requiredMessage?: string;
  future?: boolean;
  width?: number | string;
  extra?: ReactNode;
  /** A date the record cannot be without: the picker offers no clear button. */
  noClear?: boolean;
  placeholder?: string;
}) {
  return (
    <Form.Item
      label={label}
      name={name}
      required={required}
      rules={requiredRules(requiredMessage, false)}
      extra={extra}
      {...dateItem}
    >
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

/**
 * Free text over a few lines (a reason, a note, findings): `rows` high, or growing between
 * `grow`'s two heights.
 */
export function TextAreaField({
  rows = 3,
  grow,
  maxLength = 2000,
  count,
  placeholder,
  requiredMessage,
  ...item
}: ItemProps & {
  rows?: number;
  grow?: [number, number];
  maxLength?: number;
  /** A long text's limit, shown as a count under the box while it is typed. */
  count?: number;
  placeholder?: string;
}) {
  return (
    <Form.Item {...item} rules={requiredRules(requiredMessage, true)}>
      <Input.TextArea
        rows={grow ? undefined : rows}
        autoSize={grow ? { minRows: grow[0], maxRows: grow[1] } : undefined}
        maxLength={count ?? maxLength}
        showCount={count !== undefined}
        placeholder={placeholder}
      />
    </Form.Item>
  );
}

/**
 * A note that is needed only while another field says so (a reason of 其他, a risk above
 * green): marked and refused when blank then, optional otherwise.
 */
export function NeededNoteField({
  label,
  name,
  after,
  needed,
  message,
  grow,
  placeholder,
}: {
  label: ReactNode;
  name: string;
  /** The field whose value decides. */
  after: string;
  needed: (value: unknown) => boolean;
  message: string;
  grow: [number, number];
  placeholder: string;
}) {
  return (
    <Form.Item noStyle dependencies={[after]}>
      {({ getFieldValue }) => (
        <Form.Item
          label={label}
          name={name}
          required={needed(getFieldValue(after))}
          rules={[
            {
              validator: (_, value?: string | null) =>
                needed(getFieldValue(after)) && !value?.trim()
                  ? Promise.reject(new Error(message))
                  : Promise.resolve(),
            },
          ]}
        >
          <Input.TextArea
            maxLength={500}
            autoSize={{ minRows: grow[0], maxRows: grow[1] }}
            placeholder={placeholder}
          />
        </Form.Item>
      )}
    </Form.Item>
  );
}

/** One line of text. */
export function TextField({
  maxLength,
  placeholder,
  suffix,
  requiredMessage,
  ...item
}: ItemProps & { maxLength: number; placeholder?: string; suffix?: ReactNode }) {
  return (
    <Form.Item {...item} rules={requiredRules(requiredMessage, true)}>
      <Input maxLength={maxLength} placeholder={placeholder} suffix={suffix} />
    </Form.Item>
  );
}

/** A whole number in a box as wide as its column. */
export function NumberField({
  min,
  max,
  requiredMessage,
  ...item
}: ItemProps & { min: number; max: number }) {
  return (
    <Form.Item {...item} rules={requiredRules(requiredMessage, false)}>
      <InputNumber min={min} max={max} precision={0} style={{ width: '100%' }} />
    </Form.Item>
  );
}

/** One choice from a list; `requiredMessage` says what to do when nothing is chosen. */
export function SelectField<V extends string>({
  options,
  placeholder,
  allowClear,
  showSearch,
  requiredMessage,
  ...item
}: ItemProps & {
  options: { value: V; label: string }[];
  placeholder?: string;
  allowClear?: boolean;
  showSearch?: boolean;
}) {
  return (
    <Form.Item {...item} rules={requiredRules(requiredMessage, false)}>
      <Select<V>
        options={options}
        placeholder={placeholder}
        allowClear={allowClear}
        showSearch={showSearch}
      />
    </Form.Item>
  );
}

/** One choice of a few, as a row of buttons; `labelled` names the group by its label for a screen reader. */
export function ButtonChoiceField<V extends string>({
  options,
  labelled,
  requiredMessage,
  ...item
}: ItemProps & { options: { value: V; label: string }[]; labelled?: boolean }) {
  return (
    <Form.Item {...item} rules={requiredRules(requiredMessage, false)}>
      <Radio.Group
        optionType="button"
        options={options}
        aria-label={labelled && typeof item.label === 'string' ? item.label : undefined}
      />
    </Form.Item>
  );
}

/** A tick box whose text is its label; `rules` where the tick must be given. */
export function CheckboxField({
  name,
  text,
  rules,
  extra,
  style,
}: {
  name: NamePath;
  text: ReactNode;
  rules?: { validator: (rule: unknown, value?: boolean) => Promise<void> }[];
  extra?: ReactNode;
  style?: CSSProperties;
}) {
  return (
    <Form.Item name={name} valuePropName="checked" rules={rules} extra={extra} style={style}>
      <Checkbox>{text}</Checkbox>
    </Form.Item>
  );
}
