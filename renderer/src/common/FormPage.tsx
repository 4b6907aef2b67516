// The pages around an area's record form: 新建 (the way back, title, intro, then the form, which
// opens the record once saved) and 修改 (the record loaded first, and the form only while its
// status allows an edit). The form's own fields stay in the area.
import { Alert, Button, Flex, type FormInstance, Result, Spin } from 'antd';
import { type ReactNode, useCallback } from 'react';
import { useNavigate, useParams } from 'react-router';
import { type ApiInput, type ApiOutput, type Method, toApiCallError } from '../api/client';
import { PageHeader } from './PageHeader';
import { useApiForm } from './useApiForm';
import { useApiQuery } from './useApiQuery';

export interface RecordFormProps<R> {
  onSaved: (record: R) => void;
  onCancel: () => void;
  /** Someone else changed the record since it was loaded: the edit page loads it again. */
  onConflict: () => void;
}

function FormPageTop({ back, title, intro }: { back: ReactNode; title: string; intro?: string }) {
  return (
    <>
      {back}
      <div style={{ height: 8 }} />
      <PageHeader title={title} intro={intro} />
    </>
  );
}

export function CreateFormPage<R extends { id: string }>({
  back,
  title,
  intro,
  recordPath,
  form,
}: {
  back: ReactNode;
  title: string;
  intro?: string;
  recordPath: (record: R) => string;
  form: (props: RecordFormProps<R>) => ReactNode;
}) {
  const navigate = useNavigate();
  return (
    <>
      <FormPageTop back={back} title={title} intro={intro} />
      {form({
        onSaved: (r) => navigate(recordPath(r), { replace: true }),
        onCancel: () => navigate(-1),
        onConflict: () => undefined,
      })}
    </>
  );
}

type Loaded<M extends Method> = ApiOutput<M> & { id: string };

export function EditFormRoute<M extends Method>({
  method,
  loadFailed,
  back,
  title,
  recordPath,
  editable = () => true,
  notEditable = '',
  form,
}: {
  /** The read that loads the record by the route's id. */
  method: M;
  loadFailed: string;
  back: (id: string) => ReactNode;
  title: string | ((record: Loaded<M>) => string);
  recordPath: (id: string) => string;
  editable?: (record: Loaded<M>) => boolean;
  notEditable?: string;
  form: (record: Loaded<M>, props: RecordFormProps<Loaded<M>>) => ReactNode;
}) {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const { data, error, reload } = useApiQuery(method, { id } as ApiInput<M>);
  if (!data) {
    if (error) return <Result status="warning" title={loadFailed} subTitle={error} />;
    return (
      <Flex justify="center" style={{ padding: 48 }}>
        <Spin size="large" />
      </Flex>
    );
  }
  const record = data as Loaded<M>;
  return (
    <>
      <FormPageTop back={back(id)} title={typeof title === 'string' ? title : title(record)} />
      {editable(record) ? (
        form(record, {
          onSaved: (r) => navigate(recordPath(r.id), { replace: true }),
          onCancel: () => navigate(recordPath(id)),
          onConflict: reload,
        })
      ) : (
        <Alert type="warning" showIcon title={notEditable} />
      )}
    </>
  );
}

/**
 * A record form's save: field errors beside their fields, the toast, and on a conflict the edit
 * page loads the record again so the next save starts from what the other person saved.
 */
export function useRecordSave<V, R>(
  form: FormInstance<V>,
  save: (values: V) => Promise<R>,
  { onSaved, onConflict }: Pick<RecordFormProps<R>, 'onSaved' | 'onConflict'>,
  successMessage: string,
) {
  const call = useCallback(
    async (v: V) => {
      try {
        return await save(v);
      } catch (err) {
        if (toApiCallError(err).code === 'CONFLICT') onConflict();
        throw err;
      }
    },
    [save, onConflict],
  );
  return useApiForm(form, call, { onSuccess: onSaved, successMessage });
}

/** Save and cancel under a page form. */
export function FormButtons({
  submitting,
  saveLabel,
  cancelLabel,
  onCancel,
  style,
}: {
  submitting: boolean;
  saveLabel: string;
  cancelLabel: string;
  onCancel: () => void;
  style?: React.CSSProperties;
}) {
  return (
    <Flex gap={8} style={style}>
      <Button type="primary" htmlType="submit" loading={submitting}>
        {saveLabel}
      </Button>
      <Button onClick={onCancel}>{cancelLabel}</Button>
    </Flex>
  );
}
