// The frame of a record's page (an order, a plan, a referral, a report, an event, a relief, a suit):
// the state before the record has loaded, and the header with the way back, the title, its tags and
// the steps the API allows.
import { Card, Flex, Result, Spin } from 'antd';
import type { ReactNode } from 'react';

/** Until the record has loaded: a spinner, or why it cannot be shown, with the way back. */
export function RecordUnavailable({
  error,
  back,
  title,
}: {
  error: string | null;
  back: ReactNode;
  title: string;
}) {
  if (error)
    return (
      <>
        {back}
        <Card style={{ marginTop: 8 }}>
          <Result status="warning" title={title} subTitle={error} />
        </Card>
      </>
    );
  return (
    <Flex justify="center" style={{ padding: 48 }}>
      <Spin size="large" />
    </Flex>
  );
}

/** The way back, then the title and tags on the left and the record's step buttons on the right. */
export function RecordHeader({
  back,
  actionsLabel,
  actions,
  children,
}: {
  back: ReactNode;
  actionsLabel: string;
  actions: ReactNode;
  children: ReactNode;
}) {
  return (
    <>
      {back}
      <Flex align="center" justify="space-between" gap={16} wrap style={{ margin: '8px 0 16px' }}>
        <Flex align="center" gap={8} wrap>
          {children}
        </Flex>
        <Flex gap={8} wrap role="group" aria-label={actionsLabel}>
          {actions}
        </Flex>
      </Flex>
    </>
  );
}
