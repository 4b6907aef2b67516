import { Alert, Form, Modal, Select } from 'antd';
import { useCallback, useMemo } from 'react';
import type { Role } from '../../../db/api/define';
import { t } from '../../../db/i18n';
import { api } from '../api/client';
import { AccountNameFields, NewPassphraseItem } from '../common/AccountFields';
import { FormAlert } from '../common/FormAlert';
import { ROLES, roleLabel } from '../common/labels';
import { useApiForm } from '../common/useApiForm';

interface CreateValues {
  displayName: string;
  username: string;
  passphrase: string;
  role: Role;
}

export function AccountCreateModal({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: () => void;
}) {
  const [form] = Form.useForm<CreateValues>();
  const passphrase = Form.useWatch('passphrase', form);
  const username = Form.useWatch('username', form);
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
  const onSuccess = useCallback(() => {
    form.resetFields();
    onClose();
    onCreated();
  }, [form, onClose, onCreated]);
  const { onFinish, submitting, failure, clearFailure } = useApiForm(form, call, {
    successMessage: t('accounts.manage.created'),
    onSuccess,
  });
  const roleOptions = useMemo(() => ROLES.map((r) => ({ value: r, label: roleLabel(r) })), []);

  return (
    <Modal
      title={t('accounts.manage.createTitle')}
      open={open}
      okText={t('accounts.manage.createSubmit')}
      cancelText={t('app.common.cancel')}
      confirmLoading={submitting}
      onOk={() => form.submit()}
      onCancel={() => {
        clearFailure();
        onClose();
      }}
      destroyOnHidden
    >
      <FormAlert failure={failure} />
      <Form
        form={form}
        layout="vertical"
        onFinish={onFinish}
        requiredMark={false}
        autoComplete="off"
        initialValues={{ role: 'caseworker' }}
      >
        <AccountNameFields usernameAutoComplete="off" />
        <NewPassphraseItem
          name="passphrase"
          label={t('accounts.fields.initialPassphrase')}
          passphrase={passphrase}
          username={username}
        />
        <Form.Item
          label={t('accounts.fields.role')}
          name="role"
          rules={[{ required: true, message: t('validation.account.roleRequired') }]}
        >
          <Select options={roleOptions} />
        </Form.Item>
      </Form>
      <Alert type="info" showIcon title={t('accounts.manage.initialHint')} />
    </Modal>
  );
}
