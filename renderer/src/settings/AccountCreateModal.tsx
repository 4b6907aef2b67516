import { Alert, Form } from 'antd';
import { useCallback, useMemo } from 'react';
import type { Role } from '../../../db/api/define';
import { t } from '../../../db/i18n';
import { api } from '../api/client';
import { AccountNameFields, NewPassphraseItem } from '../common/AccountFields';
import { FormModal, useFormModal } from '../common/FormDialog';
import { SelectField } from '../common/fields';
import { ROLES, roleLabel } from '../common/labels';

interface CreateValues {
  displayName: string;
  username: string;
  passphrase: string;
  role: Role;
}

export function AccountCreateModal({ onClose, onCreated }: { onClose: () => void; onCreated: () => void }) {
  const [form] = Form.useForm<CreateValues>();
  const call = useCallback(
    (v: CreateValues) =>
      api('accounts.create', {
        displayName: v.displayName.trim(),
        username: v.username.trim(),
        passphrase: v.passphrase,
        role: v.role,
      }),
    [],
  );
  const { modal } = useFormModal(form, call, {
    successMessage: t('accounts.manage.created'),
    onSuccess: () => {
      onClose();
      onCreated();
    },
    onClose,
  });
  const roleOptions = useMemo(() => ROLES.map((r) => ({ value: r, label: roleLabel(r) })), []);

  return (
    <FormModal<CreateValues>
      {...modal}
      title={t('accounts.manage.createTitle')}
      okText={t('accounts.manage.createSubmit')}
      initialValues={{ role: 'caseworker' }}
    >
      <AccountNameFields usernameAutoComplete="off" />
      <NewPassphraseItem name="passphrase" label={t('accounts.fields.initialPassphrase')} />
      <SelectField
        label={t('accounts.fields.role')}
        name="role"
        options={roleOptions}
        requiredMessage={t('validation.account.roleRequired')}
      />
      <Alert type="info" showIcon title={t('accounts.manage.initialHint')} />
    </FormModal>
  );
}
