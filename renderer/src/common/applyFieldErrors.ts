import type { FormInstance } from 'antd';
import type { ApiCallError } from '../api/client';

/**
 * Puts each API field message beside the Form.Item with the same name path and returns the
 * messages no field on this form could show, so the caller can put them in the alert.
 */
export function applyFieldErrors(form: FormInstance, error: ApiCallError): string[] {
  const fields = error.fields ?? {};
  const known = new Set(form.getFieldsError().map((f) => f.name.join('.')));
  const placed: { name: (string | number)[]; errors: string[] }[] = [];
  const unplaced: string[] = [];
  for (const [path, message] of Object.entries(fields)) {
    if (path && known.has(path)) {
      // Array indices come back as digits in the dotted path; antd's name paths use numbers.
      placed.push({ name: path.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p)), errors: [message] });
    } else {
      unplaced.push(message);
    }
  }
  if (placed.length > 0) form.setFields(placed);
  return unplaced;
}
