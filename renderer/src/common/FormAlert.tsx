import { Alert } from 'antd';
import type { FormFailure } from './useApiForm';

export function FormAlert({ failure }: { failure: FormFailure | null }) {
  if (!failure) return null;
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      style={{ marginBottom: 16 }}
      title={failure.message}
      description={
        failure.details.length > 0 ? (
          <ul style={{ margin: 0, paddingInlineStart: 18 }}>
            {failure.details.map((d) => (
              <li key={d}>{d}</li>
            ))}
          </ul>
        ) : undefined
      }
    />
  );
}
