import { Alert } from 'antd';
import type { ReactNode } from 'react';

/**
 * A line of information, maybe with what to do about it (reload, open what a step made, undo):
 * the same look wherever a page or form says such a thing.
 */
export function InfoNote({
  title,
  description,
  action,
  after,
}: {
  title: ReactNode;
  description?: ReactNode;
  action?: ReactNode;
  /** After the content it speaks of (the gap above), not before it (the gap below). */
  after?: boolean;
}) {
  return (
    <Alert
      type="info"
      showIcon
      style={after ? { marginTop: 12 } : { marginBottom: 16 }}
      title={title}
      description={description}
      action={action}
    />
  );
}
