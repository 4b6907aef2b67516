// The one dialog frame for forms in every area: the form's alert on top, cancel and submit below,
// and a conflict reloads the page behind it. The dialogs built on it are in StepModal.tsx.
import { Button, Flex, type FormInstance, Modal } from 'antd';
import { type ReactNode, useCallback } from 'react';
import { t } from '../../../db/i18n';
import { PageForm } from './PageForm';
import { type FormFailure, useApiForm } from './useApiForm';

/** The frame every form dialog shares: the form's alert on top, cancel and submit below. */
export function FormModal<V>({
  title,
  onClose,
  submitting,
  okText = t('app.common.save'),
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
  /** The submit button, 保存 unless said. */
  okText?: string;
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
 * closing the dialog also clears a failure left from the last try. `onStale` hears of a version
 * conflict first (the page reloads the record and says why) while the dialog shows the message.
 */
export function useFormModal<V, R>(
  form: FormInstance<V>,
  call: (values: V) => Promise<R>,
  {
    successMessage,
    onSuccess,
    onClose,
    onStale,
  }: {
    successMessage: string;
    onSuccess: (result: R) => void;
    onClose: () => void;
    onStale?: (message: string) => void;
  },
) {
  const { onFinish, submitting, failure, clearFailure } = useApiForm(form, call, {
    successMessage,
    onSuccess,
    onStale: onStale && ((e) => onStale(e.message)),
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
 * conflict (or a record gone) it keeps the message and lets the page reload, so the next try
 * starts from what the other person saved.
 */
export function useModalForm<V, R>(
  form: FormInstance<V>,
  call: (values: V) => Promise<R>,
  { onClose, onSaved, onConflict }: ModalProps<R>,
  successMessage: string,
) {
  const onSuccess = useSavedThenClosed(onSaved, onClose);
  return useApiForm(form, call, { onSuccess, successMessage, onStale: onConflict, goneToo: true });
}

/** A step's success: the page gets the fresh record, then the dialog closes. */
export function useSavedThenClosed<R>(onSaved: (view: R) => void, onClose: () => void) {
  return useCallback(
    (view: R) => {
      onSaved(view);
      onClose();
    },
    [onSaved, onClose],
  );
}
