import { StyleProvider } from '@ant-design/cssinjs';
import { App, Button, ConfigProvider, Flex, Result, Spin } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { lazy, Suspense, useEffect, useState } from 'react';
import { HashRouter } from 'react-router';
import type { SessionUser } from '../../../db/api/define';
import { t } from '../../../db/i18n';
import { isPrintWindow } from '../print/routes';
import { SignInScreen } from '../session/SignInScreen';
import { useSession } from '../session/store';
import { prefetchWhenIdle } from './prefetch';
import { keepingStyleCache } from './styleCache';
import { styleNonce } from './styleNonce';

// The shell and its areas load after sign-in, so the sign-in screen paints from the first chunk
// alone; the first run's setup and the print window's documents are chunks of their own too.
// Once the shell's chunk is here (fetched during the KDF) it renders directly, without the lazy
// component's first suspension between 登录 and 首页.
let shellModule: typeof import('./AppShell') | null = null;
const loadShell = () =>
  import('./AppShell').then((m) => {
    shellModule = m;
    return m;
  });
const LazyAppShell = lazy(() => loadShell().then((m) => ({ default: m.AppShell })));
function AppShell(props: { user: SessionUser }) {
  return shellModule ? <shellModule.AppShell {...props} /> : <LazyAppShell {...props} />;
}
const SetupScreen = lazy(() => import('../session/SetupScreen').then((m) => ({ default: m.SetupScreen })));
const PrintRoot = lazy(() => import('../print/PrintRoot').then((m) => ({ default: m.PrintRoot })));

// System fonts only: nothing is fetched, and every office PC has one of these.
const FONT_STACK =
  '-apple-system, "Segoe UI", "Microsoft YaHei", "PingFang SC", "Hiragino Sans GB", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", sans-serif';

// antd's run-time styles carry the page's CSP nonce (electron/csp.ts).
const CSP = { nonce: styleNonce };
const STYLE_CACHE = keepingStyleCache();

export function Root() {
  if (isPrintWindow()) {
    return (
      <ConfigProvider csp={CSP}>
        <Suspense fallback={null}>
          <PrintRoot />
        </Suspense>
      </ConfigProvider>
    );
  }
  return (
    <StyleProvider cache={STYLE_CACHE}>
      <ConfigProvider
        csp={CSP}
        locale={zhCN}
        // No space forced between two-character labels (as antd does by default): the label reads, and is found, as written.
        button={{ autoInsertSpace: false }}
        theme={{
          // motion off: office PCs are slow, and an interrupted leave-animation can leave a
          // button's spinner (aria-label "loading") in the DOM, renaming the button for screen
          // readers and tests.
          token: { fontFamily: FONT_STACK, borderRadius: 6, motion: false },
          components: { Layout: { bodyBg: '#f5f6f8' } },
        }}
      >
        <App>
          <SessionGate />
          <StyleWarmupSlot />
        </App>
      </ConfigProvider>
    </StyleProvider>
  );
}

/** The shell's hidden style warm-up (shell/StyleWarmup.tsx), once its chunk is here. */
function StyleWarmupSlot() {
  const [shell, setShell] = useState(shellModule);
  // Not before the first screen is up: it is drawn from the first chunk alone.
  const shown = useSession((s) => s.phase !== 'starting');
  useEffect(() => {
    if (shell || !shown) return;
    let current = true;
    // The same prefetch SessionGate starts on the sign-in screen; the module is fetched once.
    const cancel = prefetchWhenIdle(() =>
      loadShell().then((m) => {
        if (current) setShell(m);
      }),
    );
    return () => {
      current = false;
      cancel();
    };
  }, [shell, shown]);
  return shell ? <shell.StyleWarmup /> : null;
}

let started = false;

function SessionGate() {
  const phase = useSession((s) => s.phase);
  const user = useSession((s) => s.user);
  const start = useSession((s) => s.start);
  const startError = useSession((s) => s.startError);
  const { message, notification } = App.useApp();

  useEffect(() => {
    // Once per page, also under StrictMode's double effects in development.
    if (started) return;
    started = true;
    void start();
  }, [start]);

  useEffect(() => {
    // While someone types their passphrase (and the core runs the KDF), fetch and run the
    // shell's chunk, so 首页 does not wait for it after the key opens.
    if (phase === 'locked' || phase === 'setup') return prefetchWhenIdle(loadShell);
  }, [phase]);

  useEffect(() => {
    // Toasts may name what was just saved; they go with the rest of the screen.
    if (phase !== 'unlocked') {
      message.destroy();
      notification.destroy();
    }
  }, [phase, message, notification]);

  switch (phase) {
    case 'starting':
      return (
        <Flex align="center" justify="center" style={{ minHeight: '100vh' }}>
          <Spin size="large" description={t('app.startup.loading')} />
        </Flex>
      );
    case 'unavailable':
      return (
        <Flex align="center" justify="center" style={{ minHeight: '100vh' }}>
          <Result
            status="error"
            title={t('app.startup.unavailableTitle')}
            subTitle={startError ?? t('app.startup.unavailableText')}
            extra={
              <Button type="primary" onClick={() => void start()}>
                {t('app.common.retry')}
              </Button>
            }
          />
        </Flex>
      );
    case 'setup':
      return (
        <Suspense fallback={<Spin style={{ display: 'block', marginBlock: 96 }} />}>
          <SetupScreen />
        </Suspense>
      );
    case 'locked':
      return <SignInScreen />;
    case 'unlocked':
      return user ? (
        <HashRouter>
          <Suspense fallback={<Spin style={{ display: 'block', marginBlock: 96 }} />}>
            <AppShell key={user.id} user={user} />
          </Suspense>
        </HashRouter>
      ) : null;
  }
}
