// Form plumbing every area's forms share.
import type { FormInstance } from 'antd';
import { type KeyboardEvent, useEffect } from 'react';

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

/** A text the form asks for before it sends: blank or spaces only is refused with the message. */
export function requiredText(message: string) {
  return [{ required: true, whitespace: true, message }];
}

/**
 * A reload after a conflict brings the other person's version of the record: the form shows it,
 * not the stale one it was opened with.
 */
export function useLatestValues<V, R extends { version: number }>(
  form: FormInstance<V>,
  record: R | null,
  values: (record: R) => V,
): void {
  // biome-ignore lint/correctness/useExhaustiveDependencies: the version is what changed.
  useEffect(() => {
    if (record) form.setFieldsValue(values(record) as Parameters<FormInstance<V>['setFieldsValue']>[0]);
  }, [record?.version]);
}
