// The fields every account form shares: the first run's administrator, 新建账号 and 修改口令.
import { Form, Input } from 'antd';
import { t } from '../../../db/i18n';
import { confirmRule, PassphraseHints } from './PassphraseHints';

/** 姓名 and 用户名 of a new account. */
export function AccountNameFields({ usernameAutoComplete }: { usernameAutoComplete: string }) {
  return (
    <>
      <Form.Item
        label={t('accounts.fields.displayName')}
        name="displayName"
        rules={[{ required: true, whitespace: true, message: t('validation.account.displayNameRequired') }]}
      >
        <Input maxLength={32} autoFocus />
      </Form.Item>
      <Form.Item
        label={t('accounts.fields.username')}
        name="username"
        extra={t('accounts.setup.usernameHint')}
        rules={[{ required: true, whitespace: true, message: t('accounts.signIn.usernameRequired') }]}
      >
        <Input maxLength={32} autoComplete={usernameAutoComplete} />
      </Form.Item>
    </>
  );
}

/**
 * A new passphrase, with the rules checked under it as it is typed (against the form's own
 * `username` unless the account's is given), and with `confirm` the field that repeats it.
 */
export function NewPassphraseItem({
  name,
  label,
  confirm,
  username,
  autoFocus,
}: {
  name: string;
  label: string;
  /** The label of the field that must repeat the passphrase. */
  confirm?: string;
  username?: string;
  autoFocus?: boolean;
}) {
  const passphrase = Form.useWatch<string | undefined>(name);
  const typedUsername = Form.useWatch<string | undefined>('username');
  return (
    <>
      <Form.Item
        label={label}
        name={name}
        extra={<PassphraseHints passphrase={passphrase} username={username ?? typedUsername} />}
        rules={[{ required: true, message: t('accounts.passphrase.required') }]}
      >
        <Input.Password autoComplete="new-password" autoFocus={autoFocus} />
      </Form.Item>
      {confirm && <ConfirmPassphraseItem of={name} label={confirm} />}
    </>
  );
}

/** The new passphrase once more, which must equal the field named `of`. */
function ConfirmPassphraseItem({ of, label }: { of: string; label: string }) {
  return (
    <Form.Item
      label={label}
      name="confirm"
      dependencies={[of]}
      rules={[{ required: true, message: t('accounts.passphrase.confirmRequired') }, confirmRule(of)]}
    >
      <Input.Password autoComplete="new-password" />
    </Form.Item>
  );
}
