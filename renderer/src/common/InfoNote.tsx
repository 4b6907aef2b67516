import { Alert } from 'antd';
import type { ReactNode } from 'react';

/**
 * A line of information with what to do about it (reload, open what a step made, undo): the same
 * look wherever a page or form says such a thing.
 */
export function InfoNote({
  title,
  action,
  after,
}: {
  title: ReactNode;
  action?: ReactNode;
  after?: boolean;
}) {
  // Before the content it speaks of it keeps its distance below; after it, above.
  return (
    <Alert
      type="info"
      showIcon
      style={after ? { marginTop: 12 } : { marginBottom: 16 }}
      title={title}
      action={action}
    />
  );
}
