import { App, type FormInstance } from 'antd';
import { useCallback, useState } from 'react';
import { type ApiCallError, toApiCallError } from '../api/client';
import { applyFieldErrors } from './applyFieldErrors';

export interface FormFailure {
  message: string;
  /** Field messages the form had no item for. */
  details: string[];
}

interface Options<V, R> {
  /** Shown with antd's message on success (worked out from the answer where it names it); no toast when omitted. */
  successMessage?: string | ((result: R, values: V) => string);
  onSuccess?: (result: R, values: V) => void;
  /**
   * Told first when the record changed since the form was opened (a version conflict; with
   * `goneToo`, also a record deleted meanwhile), so the page loads it again while the form
   * shows the message.
   */
  onStale?: (error: ApiCallError) => void;
  goneToo?: boolean;
}

/**
 * The one shape every form uses: call the API with the form's values, put field errors
 * beside their fields and the general message in the form's alert (see FormAlert).
 */
export function useApiForm<V, R>(
  form: FormInstance<V>,
  call: (values: V) => Promise<R>,
  options: Options<V, R> = {},
) {
  const { message } = App.useApp();
  const [submitting, setSubmitting] = useState(false);
  const [failure, setFailure] = useState<FormFailure | null>(null);
  const { successMessage, onSuccess, onStale, goneToo } = options;

  const onFinish = useCallback(
    async (values: V) => {
      setSubmitting(true);
      setFailure(null);
      try {
        const result = await call(values);
        if (successMessage)
          message.success(
            typeof successMessage === 'string' ? successMessage : successMessage(result, values),
          );
        onSuccess?.(result, values);
      } catch (err) {
        const error = toApiCallError(err);
        // A lock unmounts this form; there is nobody left to tell.
        if (error.code === 'LOCKED') return;
        if (error.code === 'CONFLICT' || (goneToo && error.code === 'NOT_FOUND')) onStale?.(error);
        const details = error.code === 'VALIDATION' ? applyFieldErrors(form, error) : [];
        setFailure({ message: error.message, details });
      } finally {
        setSubmitting(false);
      }
    },
    [call, form, message, successMessage, onSuccess, onStale, goneToo],
  );

  const clearFailure = useCallback(() => setFailure(null), []);

  return { onFinish, submitting, failure, clearFailure };
}
