import { Form, Typography } from 'antd';
import { useCallback } from 'react';
import { t } from '../../../db/i18n';
import { type ApiOutput, api } from '../api/client';
import { NewPassphraseItem } from '../common/AccountFields';
import { FormModal, useFormModal } from '../common/FormDialog';

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
  account: Account;
  mode?: 'enable' | 'reset';
  onClose: () => void;
  onEnabled: () => void;
}) {
  const [form] = Form.useForm<EnableValues>();
  const call = useCallback(
    ({ passphrase }: EnableValues) => {
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
  const { modal } = useFormModal(form, call, {
    successMessage: t(mode === 'reset' ? 'accounts.manage.resetDone' : 'accounts.manage.enabledDone'),
    onSuccess: () => {
      onClose();
      onEnabled();
    },
    onClose,
  });

  return (
    <FormModal<EnableValues>
      {...modal}
      name={`account-${mode}`}
      title={t(mode === 'reset' ? 'accounts.manage.resetTitle' : 'accounts.manage.enableTitle')}
      okText={t(mode === 'reset' ? 'accounts.manage.resetSubmit' : 'accounts.manage.enableSubmit')}
    >
      <Typography.Paragraph type="secondary">
        {t(mode === 'reset' ? 'accounts.manage.resetIntro' : 'accounts.manage.enableIntro', {
          name: account.displayName,
        })}
      </Typography.Paragraph>
      <NewPassphraseItem
        name="passphrase"
        label={t('accounts.fields.initialPassphrase')}
        confirm={t('accounts.fields.confirm')}
        username={account.username}
        autoFocus
      />
    </FormModal>
  );
}
