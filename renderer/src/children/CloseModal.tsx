import { Form } from 'antd';
import { useCallback } from 'react';
import { CLOSE_REASONS, type CloseReason } from '../../../db/children/codes';
import { t } from '../../../db/i18n';
import { api } from '../api/client';
import { closeReasonLabel } from '../common/codeLabels';
import { FormModal, useFormModal } from '../common/FormDialog';
import { NeededNoteField, SelectField } from '../common/fields';
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
    (v: CloseValues) =>
      api('children.close', {
        id: profile.id,
        version: profile.version,
        reason: v.reason as CloseReason,
        note: blankToNull(v.note),
      }),
    [profile.id, profile.version],
  );
  const { modal } = useFormModal(form, call, {
    successMessage: t('children.file.close.done'),
    onSuccess: onClosed,
    onClose,
    onStale,
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
      <SelectField
        label={t('children.fields.closeReason')}
        name="reason"
        requiredMessage={t('validation.child.closeReasonRequired')}
        placeholder={t('children.file.close.reasonPlaceholder')}
        options={CLOSE_REASONS.map((r) => ({ value: r, label: closeReasonLabel(r) }))}
      />
      {/* 其他 says nothing by itself: the note is needed then. */}
      <NeededNoteField
        label={t('children.fields.closeNote')}
        name="note"
        after="reason"
        needed={(reason) => reason === 'other'}
        message={t('validation.child.closeNoteRequired')}
        grow={[3, 6]}
        placeholder={t('children.file.close.notePlaceholder')}
      />
    </FormModal>
  );
}
