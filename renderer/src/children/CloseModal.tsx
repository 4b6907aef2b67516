import { Form, Input, Select } from 'antd';
import { useCallback } from 'react';
import { CLOSE_REASONS, type CloseReason } from '../../../db/children/codes';
import { t } from '../../../db/i18n';
import { api, toApiCallError } from '../api/client';
import { closeReasonLabel } from '../common/codeLabels';
import { FormModal, useFormModal } from '../common/FormDialog';
import { blankToNull } from '../common/forms';
import type { ChildProfile } from './types';

interface CloseValues {
  reason?: CloseReason;
  note?: string | null;
}

export function CloseModal({
  profile,
  open,
  onClose,
  onClosed,
  onStale,
}: {
  profile: ChildProfile;
  open: boolean;
  onClose: () => void;
  onClosed: (profile: ChildProfile) => void;
  onStale: (message: string) => void;
}) {
  const [form] = Form.useForm<CloseValues>();
  const call = useCallback(
    async (v: CloseValues) => {
      try {
        return await api('children.close', {
          id: profile.id,
          version: profile.version,
          reason: v.reason as CloseReason,
          note: blankToNull(v.note),
        });
      } catch (err) {
        const e = toApiCallError(err);
        if (e.code === 'CONFLICT') onStale(e.message);
        throw err;
      }
    },
    [profile.id, profile.version, onStale],
  );
  const { modal } = useFormModal(form, call, {
    successMessage: t('children.file.close.done'),
    onSuccess: onClosed,
    onClose: onClose,
  });
  if (!open) return null;
  return (
    <FormModal<CloseValues>
      title={t('children.file.close.title')}
      name="childClose"
      width={520}
      okText={t('children.file.close.submit')}
      {...modal}
    >
      <Form.Item
        label={t('children.fields.closeReason')}
        name="reason"
        rules={[{ required: true, message: t('validation.child.closeReasonRequired') }]}
      >
        <Select
          placeholder={t('children.file.close.reasonPlaceholder')}
          options={CLOSE_REASONS.map((r) => ({ value: r, label: closeReasonLabel(r) }))}
        />
      </Form.Item>
      <Form.Item noStyle dependencies={['reason']}>
        {({ getFieldValue }) => (
          <Form.Item
            label={t('children.fields.closeNote')}
            name="note"
            required={getFieldValue('reason') === 'other'}
            rules={[
              {
                validator: (_, value?: string | null) =>
                  getFieldValue('reason') === 'other' && !value?.trim()
                    ? Promise.reject(new Error(t('validation.child.closeNoteRequired')))
                    : Promise.resolve(),
              },
            ]}
          >
            <Input.TextArea
              maxLength={500}
              autoSize={{ minRows: 3, maxRows: 6 }}
              placeholder={t('children.file.close.notePlaceholder')}
            />
          </Form.Item>
        )}
      </Form.Item>
    </FormModal>
  );
}
