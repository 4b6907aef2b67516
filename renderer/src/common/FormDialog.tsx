// The one dialog frame for forms in every area: the form's alert on top, cancel and submit below,
// and a conflict reloads the page behind it. The dialogs built on it are in StepModal.tsx.
import { Button, Flex, type FormInstance, Modal } from 'antd';
import { type ReactNode, useCallback } from 'react';
import { t } from '../../../db/i18n';
import { ApiCallError, toApiCallError } from '../api/client';
import { PageForm } from './PageForm';
import { type FormFailure, useApiForm } from './useApiForm';

/** The frame every form dialog shares: the form's alert on top, cancel and submit below. */
export function FormModal<V>({
  title,
  onClose,
  submitting,
  okText,
  danger,
  width = 560,
  testId,
  children,
  ...sending
}: {
  title: string;
  onClose: () => void;
  form: FormInstance<V>;
  onFinish: (values: V) => void;
  submitting: boolean;
  failure: FormFailure | null;
  okText: string;
  danger?: boolean;
  width?: number;
  initialValues?: Partial<V>;
  onValuesChange?: (changed: Partial<V>, all: V) => void;
  /** The form's name, which prefixes its fields' ids. */
  name?: string;
  /** On a box around the alert and the form, for a test to find the dialog by. */
  testId?: string;
  children: ReactNode;
}) {
  return (
    <Modal
      title={title}
      open
      onCancel={onClose}
      width={width}
      mask={{ closable: false }}
      footer={
        <Flex justify="end" gap={8}>
          <Button onClick={onClose}>{t('app.common.cancel')}</Button>
          <Button type="primary" danger={danger} loading={submitting} onClick={() => sending.form.submit()}>
            {okText}
          </Button>
        </Flex>
      }
    >
      <div data-testid={testId}>
        <PageForm<V> {...sending}>{children}</PageForm>
      </div>
    </Modal>
  );
}

/**
 * A form dialog's save (`useApiForm`) as its frame takes it: `modal` spreads into FormModal, and
 * closing the dialog also clears a failure left from the last try.
 */
export function useFormModal<V, R>(
  form: FormInstance<V>,
  call: (values: V) => Promise<R>,
  {
    successMessage,
    onSuccess,
    onClose,
  }: { successMessage: string; onSuccess: (result: R) => void; onClose: () => void },
) {
  const { onFinish, submitting, failure, clearFailure } = useApiForm(form, call, {
    successMessage,
    onSuccess,
  });
  const close = () => {
    clearFailure();
    onClose();
  };
  return { modal: { form, onFinish, submitting, failure, onClose: close }, clearFailure };
}

export interface ModalProps<R> {
  onClose: () => void;
  onSaved: (view: R) => void;
  /** Someone else changed the record: the page loads it again while the dialog shows why. */
  onConflict: () => void;
}

/**
 * A dialog's form: on success it hands the fresh record to the page and closes; on a
 * conflict it keeps the message and lets the page reload, so the next try starts from
 * what the other person saved.
 */
export function useModalForm<V, R>(
  form: FormInstance<V>,
  call: (values: V) => Promise<R>,
  { onClose, onSaved, onConflict }: ModalProps<R>,
  successMessage: string,
) {
  const { guarded, onSuccess } = useStepCall(call, { onClose, onSaved, onConflict });
  return useApiForm(form, guarded, { onSuccess, successMessage });
}

/**
 * A step's call as its dialog sends it: a conflict (or a record gone) lets the page reload; on
 * success the page gets the fresh record and the dialog closes.
 */
export function useStepCall<V, R>(
  call: (values: V) => Promise<R>,
  { onClose, onSaved, onConflict }: ModalProps<R>,
) {
  const guarded = useCallback(
    async (values: V) => {
      try {
        return await call(values);
      } catch (err) {
        const e = toApiCallError(err);
        if (e.code === 'CONFLICT' || e.code === 'NOT_FOUND') onConflict();
        throw e instanceof ApiCallError ? e : err;
      }
    },
    [call, onConflict],
  );
  const onSuccess = useCallback(
    (view: R) => {
      onSaved(view);
      onClose();
    },
    [onSaved, onClose],
  );
  return { guarded, onSuccess };
}
