import { Form, Modal, Typography } from 'antd';
import { useCallback } from 'react';
import { t } from '../../../db/i18n';
import { type ApiOutput, api } from '../api/client';
import { ConfirmPassphraseItem, NewPassphraseItem } from '../common/AccountFields';
import { FormAlert } from '../common/FormAlert';
import { useApiForm } from '../common/useApiForm';

type Account = ApiOutput<'accounts.list'>[number];

interface EnableValues {
  passphrase: string;
  confirm: string;
}

/**
 * A new passphrase an administrator sets for a colleague and tells them in person: re-enabling
 * (disabling deleted the account's key slot, so the old passphrase opens nothing any more), or
 * a reset for a colleague who forgot theirs. Never for the administrator's own account.
 */
export function AccountEnableModal({
  account,
  mode = 'enable',
  onClose,
  onEnabled,
}: {
  account: Account | null;
  mode?: 'enable' | 'reset';
  onClose: () => void;
  onEnabled: () => void;
}) {
  const [form] = Form.useForm<EnableValues>();
  const passphrase = Form.useWatch('passphrase', form);
  const call = useCallback(
    ({ passphrase }: EnableValues) => {
      if (!account) throw new Error('no account to enable');
      if (mode === 'reset') {
        return api('accounts.resetPassphrase', { id: account.id, version: account.version, passphrase });
      }
      return api('accounts.setDisabled', {
        id: account.id,
        disabled: false,
        version: account.version,
        passphrase,
      });
    },
    [account, mode],
  );
  const onSuccess = useCallback(() => {
    onClose();
    onEnabled();
  }, [onClose, onEnabled]);
  const { onFinish, submitting, failure, clearFailure } = useApiForm(form, call, {
    successMessage: t(mode === 'reset' ? 'accounts.manage.resetDone' : 'accounts.manage.enabledDone'),
    onSuccess,
  });

  return (
    <Modal
      title={t(mode === 'reset' ? 'accounts.manage.resetTitle' : 'accounts.manage.enableTitle')}
      open={account !== null}
      okText={t(mode === 'reset' ? 'accounts.manage.resetSubmit' : 'accounts.manage.enableSubmit')}
      cancelText={t('app.common.cancel')}
      confirmLoading={submitting}
      onOk={() => form.submit()}
      onCancel={() => {
        clearFailure();
        onClose();
      }}
      destroyOnHidden
    >
      {account && (
        <Typography.Paragraph type="secondary">
          {t(mode === 'reset' ? 'accounts.manage.resetIntro' : 'accounts.manage.enableIntro', {
            name: account.displayName,
          })}
        </Typography.Paragraph>
      )}
      <FormAlert failure={failure} />
      <Form
        form={form}
        name={`account-${mode}`}
        layout="vertical"
        onFinish={onFinish}
        requiredMark={false}
        autoComplete="off"
      >
        <NewPassphraseItem
          name="passphrase"
          label={t('accounts.fields.initialPassphrase')}
          passphrase={passphrase}
          username={account?.username}
          autoFocus
        />
        <ConfirmPassphraseItem of="passphrase" label={t('accounts.fields.confirm')} />
      </Form>
    </Modal>
  );
}
