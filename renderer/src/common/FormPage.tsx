// The pages around an area's record form: 新建 (the way back, title, intro, then the form, which
// opens the record once saved) and 修改 (the record loaded first, and the form only while its
// status allows an edit). The form's own fields stay in the area.
import { Alert, Button, Flex, type FormInstance, Result, Spin } from 'antd';
import type { ReactNode } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { type MessageKey, t } from '../../../db/i18n';
import type { ApiInput, ApiOutput, Method } from '../api/client';
import { BackLink } from './empty';
import { PageForm } from './PageForm';
import { PageHeader } from './PageHeader';
import { useApiForm } from './useApiForm';
import { useApiQuery } from './useApiQuery';

export interface RecordFormProps<R> {
  onSaved: (record: R) => void;
  onCancel: () => void;
  /** Someone else changed the record since it was loaded: the edit page loads it again. */
  onConflict?: () => void;
}

/** A form page's top: the way back, then its title and intro. */
export function FormPageTop({ back, title, intro }: { back: ReactNode; title: string; intro?: string }) {
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
  return useApiForm(form, save, { onSuccess: onSaved, successMessage, onStale: onConflict });
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

/** The texts a record form's pages read under its catalog block (`<block>.createTitle` and so on). */
type FormTextKey = 'createTitle' | 'createIntro' | 'editTitle' | 'backToRecord' | 'save' | 'cancel' | 'saved';
export type FormTexts = {
  [K in MessageKey]: K extends `${infer B}.createTitle`
    ? `${B}.${FormTextKey}` extends MessageKey
      ? B
      : never
    : never;
}[MessageKey];
const formText = (texts: FormTexts, key: FormTextKey | 'notEditable', params?: Record<string, string>) =>
  t(`${texts}.${key}` as MessageKey, params);

/** An area whose catalog has the way back to its list and why a record did not load (`<area>.page.*`). */
export type PageArea = {
  [K in MessageKey]: K extends `${infer A}.page.back`
    ? `${A}.page.loadFailed` extends MessageKey
      ? A
      : never
    : never;
}[MessageKey];

/**
 * What tells an area's 新建 page and 修改 route apart: the read that loads the record (its area
 * names the texts of `<area>.page`), where the records live, the form's catalog block, which
 * statuses allow an edit, and the form itself (without a record on the 新建 page, which hands it
 * the address's query, e.g. ?childId= from the child's file).
 */
export interface RecordFormSpec<M extends `${PageArea}.${string}` & Method> {
  get: M;
  path: string;
  /** Where the 新建 page's way back leads when not to `path`. */
  listPath?: string;
  texts: FormTexts;
  /** Without it every record can change; with it `<texts>.notEditable` says why one cannot. */
  editable?: (record: Loaded<M>) => boolean;
  /** What the edit title names, e.g. the child. */
  titleParams?: (record: Loaded<M>) => Record<string, string>;
  form: (record: Loaded<M> | null, props: SpecFormProps<Loaded<M>>, query: URLSearchParams) => ReactNode;
}

/** What a spec's form is handed: the page's callbacks and the catalog block of its texts. */
export type SpecFormProps<R> = RecordFormProps<R> & { texts: FormTexts };

/** An area's 新建 page (`mode="create"`) or 修改 route, as its spec describes them. */
export function RecordFormRoute<M extends `${PageArea}.${string}` & Method>({
  spec,
  mode,
}: {
  spec: RecordFormSpec<M>;
  mode: 'create' | 'edit';
}) {
  return mode === 'create' ? <RecordCreatePage spec={spec} /> : <RecordEditRoute spec={spec} />;
}

const areaOf = (get: string) => get.split('.')[0] as PageArea;

function RecordCreatePage<M extends `${PageArea}.${string}` & Method>({
  spec: { get, path, listPath = path, texts, form },
}: {
  spec: RecordFormSpec<M>;
}) {
  const [query] = useSearchParams();
  return (
    <CreateFormPage<Loaded<M>>
      back={<BackLink to={listPath} label={t(`${areaOf(get)}.page.back`)} />}
      title={formText(texts, 'createTitle')}
      intro={formText(texts, 'createIntro')}
      recordPath={(r) => `${path}/${r.id}`}
      form={(props) => form(null, { ...props, texts }, query)}
    />
  );
}

function RecordEditRoute<M extends `${PageArea}.${string}` & Method>({
  spec: { get, path, texts, editable, titleParams, form },
}: {
  spec: RecordFormSpec<M>;
}) {
  return (
    <EditFormRoute
      method={get}
      loadFailed={t(`${areaOf(get)}.page.loadFailed`)}
      back={(id) => <BackLink to={`${path}/${id}`} label={formText(texts, 'backToRecord')} />}
      title={(r) => formText(texts, 'editTitle', titleParams?.(r))}
      recordPath={(id) => `${path}/${id}`}
      editable={editable}
      notEditable={editable ? formText(texts, 'notEditable') : ''}
      form={(r, props) => form(r, { ...props, texts }, new URLSearchParams())}
    />
  );
}

/**
 * A record form on its page: the save with its toast and conflict reload (`useRecordSave`), the
 * API's failure on top, the sections as the area gives them, then save and cancel.
 */
export function RecordPageForm<V, R>({
  texts,
  save,
  maxWidth = 1000,
  onSaved,
  onCancel,
  onConflict,
  children,
  ...sending
}: SpecFormProps<R> & {
  form: FormInstance<V>;
  save: (values: V) => Promise<R>;
  initialValues: Partial<V>;
  onValuesChange?: (changed: Partial<V>, all: V) => void;
  /** The page's width, 1000 unless said; null for the whole width. */
  maxWidth?: number | null;
  children: ReactNode;
}) {
  const { onFinish, submitting, failure } = useRecordSave(
    sending.form,
    save,
    { onSaved, onConflict },
    formText(texts, 'saved'),
  );
  return (
    <PageForm<V> {...sending} onFinish={onFinish} failure={failure} maxWidth={maxWidth ?? undefined}>
      <Flex vertical gap={16}>
        {children}
        <FormButtons
          submitting={submitting}
          saveLabel={formText(texts, 'save')}
          cancelLabel={formText(texts, 'cancel')}
          onCancel={onCancel}
        />
      </Flex>
    </PageForm>
  );
}
