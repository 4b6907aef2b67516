// The frame of a record's page (an order, a plan, a referral, a report, an event, a relief, a suit):
// the state before the record has loaded, and the header with the way back, the title, its tags and
// the steps the API allows.
import { Alert, Button, Card, Descriptions, type DescriptionsProps, Flex, Result, Spin } from 'antd';
import { type ReactNode, useEffect, useState } from 'react';
import type { ApiInput, ApiOutput, Method } from '../api/client';
import { useApiQuery } from './useApiQuery';

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

/**
 * A record loaded for its page, then kept as the last step's answer: a dialog hands back the
 * fresh record, a conflict loads it again.
 */
export function useRecord<M extends Method>(method: M, input: ApiInput<M>) {
  const { data, error, reload } = useApiQuery(method, input);
  const [record, setRecord] = useState<ApiOutput<M> | null>(null);
  useEffect(() => {
    if (data) setRecord(data);
  }, [data]);
  return { record, setRecord, error, reload };
}

/**
 * The buttons of the steps the API says this user may take from this status (the area's flow
 * table on the server decides; the page only labels them).
 */
export function stepButtons<S extends string>(
  steps: readonly S[],
  {
    label,
    onClick,
    primary,
    danger,
  }: {
    label: (step: S) => string;
    onClick: (step: S) => void;
    primary: (step: S) => boolean;
    danger?: (step: S) => boolean;
  },
): ReactNode[] {
  return steps.map((s) => (
    <Button
      key={s}
      type={primary(s) ? 'primary' : 'default'}
      danger={danger?.(s) ?? false}
      onClick={() => onClick(s)}
    >
      {label(s)}
    </Button>
  ));
}

/** A note above a record's details, e.g. why it was withdrawn. */
export function RecordNote({
  title,
  description,
  testId,
}: {
  title: ReactNode;
  description?: ReactNode;
  testId?: string;
}) {
  return (
    <Alert
      type="info"
      showIcon
      title={title}
      description={description}
      style={{ marginBottom: 16 }}
      data-testid={testId}
    />
  );
}

export interface Detail {
  label: ReactNode;
  value: ReactNode;
  span?: number;
}

/** One section of a record's details: a titled card of labelled values. */
export function DetailsCard({
  title,
  column = 1,
  items,
  children,
}: {
  title: ReactNode;
  column?: DescriptionsProps['column'];
  /** A false entry is a value this record does not have (left out, not shown empty). */
  items: readonly (Detail | false)[];
  /** Below the values, e.g. a checklist. */
  children?: ReactNode;
}) {
  return (
    <Card title={title} size="small">
      <Descriptions column={column} size="small">
        {items.map(
          (d, i) =>
            d && (
              // biome-ignore lint/suspicious/noArrayIndexKey: a section's items are a fixed list
              <Descriptions.Item key={i} label={d.label} span={d.span}>
                {d.value}
              </Descriptions.Item>
            ),
        )}
      </Descriptions>
      {children}
    </Card>
  );
}
