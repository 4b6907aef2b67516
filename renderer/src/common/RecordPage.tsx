// The frame of a record's page (an order, a plan, a referral, a report, an event, a relief, a suit):
// the state before the record has loaded, and the header with the way back, the title, its tags and
// the steps the API allows.
import { Alert, App, Button, Card, Descriptions, type DescriptionsProps, Flex, Result, Spin } from 'antd';
import { type ReactNode, useEffect, useState } from 'react';
import { t } from '../../../db/i18n';
import { type ApiInput, type ApiOutput, type Method, toApiCallError } from '../api/client';
import { BackLink } from './empty';
import type { PageArea } from './FormPage';
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
 * A record's page as every area opens it by its id: the record (`useRecord`), the way back to the
 * area's list and what shows until the record has loaded, both worded by `<area>.page.back` and
 * `<area>.page.loadFailed` (the area is the read's).
 */
export function useRecordPage<M extends `${PageArea}.${string}` & Method>(
  get: M,
  id: string,
  listPath: string,
) {
  const loaded = useRecord(get, { id } as ApiInput<M>);
  const area = get.split('.')[0] as PageArea;
  const back = <BackLink to={listPath} label={t(`${area}.page.back`)} />;
  const unavailable = (
    <RecordUnavailable error={loaded.error} back={back} title={t(`${area}.page.loadFailed`)} />
  );
  return { ...loaded, back, unavailable };
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

/**
 * A step taken with one click, no dialog (提交审批, 开始评估, 开始执行, 核实): the button spins while it
 * runs, the fresh record replaces the page's, and a refusal stays on the page; after a conflict
 * the page loads the record again, since what the other person did is where the next click starts.
 */
export function useDirectStep<R, S extends string = string>(onDone: (record: R) => void, reload: () => void) {
  const { message } = App.useApp();
  const [running, setRunning] = useState<S | null>(null);
  const [error, setError] = useState<string | null>(null);
  const run = async (which: S, call: () => Promise<R>, done: string) => {
    setRunning(which);
    setError(null);
    try {
      onDone(await call());
      message.success(done);
    } catch (err) {
      const e = toApiCallError(err);
      if (e.code === 'LOCKED') return;
      setError(e.message);
      if (e.code === 'CONFLICT' || e.code === 'NOT_FOUND') reload();
    } finally {
      setRunning(null);
    }
  };
  return { running, error, clearError: () => setError(null), run };
}

/** Why a one-click step was refused, above the record until it is closed or the next try. */
export function StepRefused({
  title,
  error,
  onClose,
}: {
  title: string;
  error: string | null;
  onClose: () => void;
}) {
  if (!error) return null;
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      data-testid="step-error"
      title={title}
      description={error}
      closable={{ onClose }}
      style={{ marginBottom: 16 }}
    />
  );
}

export interface RecordAction {
  key: string;
  label: string;
  onClick: () => void;
  primary?: boolean;
  danger?: boolean;
  loading?: boolean;
  icon?: ReactNode;
}

/** A record's buttons in the order given; a false entry is a button this user or status does not get. */
export function actionButtons(actions: readonly (RecordAction | false)[]): ReactNode[] {
  return actions
    .filter((a): a is RecordAction => a !== false)
    .map((a) => (
      <Button
        key={a.key}
        type={a.primary ? 'primary' : 'default'}
        danger={a.danger}
        loading={a.loading}
        icon={a.icon}
        onClick={a.onClick}
      >
        {a.label}
      </Button>
    ));
}
