import { CheckCircleFilled, MinusCircleOutlined } from '@ant-design/icons';
import { Flex, type FormRule, Typography, theme } from 'antd';
import { t } from '../../../db/i18n';

/**
 * The passphrase rules as the person types, each on its own line. The same tests as
 * passphraseProblem in db/accounts/inputs.ts (which reports only the first failure); the API
 * also estimates how guessable it is (db/accounts/strength.ts) and decides, and its message
 * appears beside the field.
 */
export function passphraseChecks(passphrase: string, username: string) {
  const value = passphrase ?? '';
  const kinds = [/[A-Za-z]/, /\d/, /[^A-Za-z\d]/].filter((re) => re.test(value)).length;
  const user = (username ?? '').trim().toLowerCase();
  return {
    minLength: [...value].length >= 12,
    twoKinds: kinds >= 2,
    noUsername: value.length > 0 && (user.length < 3 || !value.toLowerCase().includes(user)),
  };
}

export function PassphraseHints({ passphrase, username }: { passphrase?: string; username?: string }) {
  const { token } = theme.useToken();
  const checks = passphraseChecks(passphrase ?? '', username ?? '');
  const items = [
    { key: 'minLength', ok: checks.minLength, text: t('accounts.passphrase.minLength') },
    { key: 'twoKinds', ok: checks.twoKinds, text: t('accounts.passphrase.twoKinds') },
    { key: 'noUsername', ok: checks.noUsername, text: t('accounts.passphrase.noUsername') },
  ];
  return (
    <div aria-live="polite" data-testid="passphrase-hints" style={{ marginTop: 4 }}>
      <Typography.Text type="secondary">{t('accounts.passphrase.rulesTitle')}</Typography.Text>
      <ul style={{ listStyle: 'none', margin: '2px 0 0', padding: 0 }}>
        {items.map((item) => (
          <li key={item.key}>
            <Flex gap={6} align="center">
              {item.ok ? (
                <CheckCircleFilled style={{ color: token.colorSuccess }} aria-hidden />
              ) : (
                <MinusCircleOutlined style={{ color: token.colorTextQuaternary }} aria-hidden />
              )}
              <Typography.Text type={item.ok ? undefined : 'secondary'}>
                {item.text}
                <span className="sr-only">
                  {item.ok ? t('accounts.passphrase.met') : t('accounts.passphrase.notMet')}
                </span>
              </Typography.Text>
            </Flex>
          </li>
        ))}
      </ul>
      {/* Judged by the core's strength estimator when the form is sent: its verdict appears beside the field. */}
      <Typography.Text type="secondary">{t('accounts.passphrase.notGuessable')}</Typography.Text>
    </div>
  );
}

/** Rule for a confirm field that must repeat the field named `of`. */
export function confirmRule(of: string): FormRule {
  return ({ getFieldValue }) => ({
    validator(_, value) {
      if (!value || getFieldValue(of) === value) return Promise.resolve();
      return Promise.reject(new Error(t('accounts.passphrase.mismatch')));
    },
  });
}
