import { Alert } from 'antd';
import type { ReactNode } from 'react';

/**
 * A line of information, maybe with what to do about it (reload, open what a step made, undo):
 * the same look wherever a page or form says such a thing. A warning (a consent the law asks
 * for, a term longer than usual) or an error (a refusal) looks the same but for its colour.
 */
export function InfoNote({
  title,
  description,
  action,
  after,
  type = 'info',
  gap = 16,
}: {
  title: ReactNode;
  description?: ReactNode;
  action?: ReactNode;
  /** After the content it speaks of (the gap above), not before it (the gap below). */
  after?: boolean;
  type?: 'info' | 'warning' | 'error';
  /** The gap below, where what follows stands closer. */
  gap?: number;
}) {
  return (
    <Alert
      type={type}
      showIcon
      style={after ? { marginTop: 12 } : { marginBottom: gap }}
      title={title}
      description={description}
      action={action}
    />
  );
}
