import { LockOutlined, SunOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Flex, Layout, Menu, Spin, Tag, Tooltip, Typography, theme } from 'antd';
import { lazy, memo, Suspense, useEffect, useMemo } from 'react';
import { Navigate, Route, Routes, useLocation, useNavigate } from 'react-router';
import type { SessionUser } from '../../../db/api/define';
import { t } from '../../../db/i18n';
import { api } from '../api/client';
import { childrenListInput, prefetchChildrenList } from '../children/listStore';
import { roleLabel } from '../common/labels';
import { registerReset } from '../common/resetRegistry';
import { HomePage } from '../home/HomePage';
import { ReminderNavLabel } from '../reminders/ReminderNavLabel';
import { useSession } from '../session/store';
import { useIdleLock } from '../session/useIdleLock';
import { LOCK_SHORTCUT, useLockShortcut } from '../session/useLockShortcut';
import { ForbiddenPage } from './ForbiddenPage';
import { NotBuiltPage } from './NotBuiltPage';
import { areaKey, NAV_AREAS, visibleAreas } from './nav';
import { prefetchWhenIdle } from './prefetch';

// In the shell's chunk, rendered by Root once the chunk is here (see StyleWarmup.tsx).
export { StyleWarmup } from './StyleWarmup';

// Each area is its own chunk, loaded when its route is first opened: the first screen (首页)
// loads only the shell and itself, not every area's screens (and echarts with the statistics).
const AuditPage = lazy(() => import('../audit/AuditPage').then((m) => ({ default: m.AuditPage })));
const HolidaysPage = lazy(() =>
  import('../calendar/HolidaysPage').then((m) => ({ default: m.HolidaysPage })),
);
// 儿童档案's chunk is fetched once 首页 has painted; once it is here the area renders directly,
// without the lazy component's first suspension (a render thrown away, then a retry after a
// promise tick) on the click that opens it.
let childrenModule: typeof import('../children/ChildrenArea') | null = null;
const loadChildren = () =>
  import('../children/ChildrenArea').then((m) => {
    childrenModule = m;
    return m;
  });
const LazyChildrenArea = lazy(() => loadChildren().then((m) => ({ default: m.ChildrenArea })));
function ChildrenArea() {
  return childrenModule ? <childrenModule.ChildrenArea /> : <LazyChildrenArea />;
}
const CounsellingArea = lazy(() =>
  import('../counselling/CounsellingArea').then((m) => ({ default: m.CounsellingArea })),
);
const EducationArea = lazy(() =>
  import('../education/EducationArea').then((m) => ({ default: m.EducationArea })),
);
const OrdersArea = lazy(() => import('../orders/OrdersArea').then((m) => ({ default: m.OrdersArea })));
const OutreachArea = lazy(() =>
  import('../outreach/OutreachArea').then((m) => ({ default: m.OutreachArea })),
);
const ReferralsArea = lazy(() =>
  import('../referrals/ReferralsArea').then((m) => ({ default: m.ReferralsArea })),
);
const ReliefArea = lazy(() => import('../relief/ReliefArea').then((m) => ({ default: m.ReliefArea })));
const RemindersArea = lazy(() =>
  import('../reminders/RemindersArea').then((m) => ({ default: m.RemindersArea })),
);
const ReportsArea = lazy(() => import('../reports/ReportsArea').then((m) => ({ default: m.ReportsArea })));
const SettingsPage = lazy(() =>
  import('../settings/SettingsPage').then((m) => ({ default: m.SettingsPage })),
);
const StatsPage = lazy(() => import('../stats/StatsPage').then((m) => ({ default: m.StatsPage })));
const SuitsArea = lazy(() => import('../suits/SuitsArea').then((m) => ({ default: m.SuitsArea })));
const VisitsArea = lazy(() => import('../visits/VisitsArea').then((m) => ({ default: m.VisitsArea })));

// Areas that route themselves (their own <Routes> under path/*), built or not.
const AREAS_WITH_ROUTES = [
  '/referrals',
  '/education',
  '/orders',
  '/counselling',
  '/visits',
  '/reports',
  '/outreach',
  '/relief',
  '/suits',
  '/reminders',
];

// The core's first children.list on a fresh connection reads its pages from the encrypted file
// and prepares its statements, several times a warm one. So once a session, when 首页's own
// answer is on screen, 儿童档案's first page is asked for and the answer dropped: the list's
// click then asks a warm core. (Not kept for the click: a write in between would not be in it.)
let listWarmed = false;
registerReset(() => {
  listWarmed = false;
});
function warmChildrenList(): (() => void) | undefined {
  if (listWarmed) return undefined;
  return prefetchWhenIdle(async () => {
    listWarmed = true;
    await api('children.list', childrenListInput()).catch(() => undefined);
  });
}

const HEADER_HEIGHT = 56;
const SIDER_WIDTH = 200;

/** Everything behind sign-in. Mounted only while unlocked, so locking removes it from the DOM. */
export function AppShell({ user }: { user: SessionUser }) {
  const idleMinutes = useSession((s) => s.idleMinutes);
  const lock = useSession((s) => s.lock);
  useIdleLock(idleMinutes);
  useLockShortcut();
  const { token } = theme.useToken();
  const isAdmin = user.role === 'admin';
  // 儿童档案 is where nearly every task starts: its chunk loads once 首页 has painted (and
  // its first page is asked for once 首页's own answer is shown: warmChildrenList).
  useEffect(() => prefetchWhenIdle(loadChildren), []);

  // The header and the menu are components of their own: opening a screen re-renders the menu
  // (its selected item) and the routes, not the header with its tooltip (issue 19 #6).
  return (
    // A fixed frame, as desktop apps have: header and menu stay put, only the content scrolls.
    <Layout style={{ height: '100vh', overflow: 'hidden' }}>
      <ShellHeader user={user} lock={lock} />
      <Layout style={{ minHeight: 0 }}>
        <Layout.Sider
          width={SIDER_WIDTH}
          theme="light"
          style={{ overflow: 'auto', borderInlineEnd: `1px solid ${token.colorBorderSecondary}` }}
        >
          <NavMenu role={user.role} />
        </Layout.Sider>
        {/* antd's Layout.Content is itself the page's <main> landmark. */}
        <Layout.Content style={{ padding: 24, minWidth: 0, overflow: 'auto' }}>
          <Suspense fallback={<Spin style={{ display: 'block', marginBlock: 48 }} />}>
            <Routes>
              <Route path="/" element={<HomePage user={user} onShown={warmChildrenList} />} />
              <Route path="/children/*" element={<ChildrenArea />} />
              <Route path="/referrals/*" element={<ReferralsArea />} />
              <Route path="/education/*" element={<EducationArea />} />
              <Route path="/orders/*" element={<OrdersArea />} />
              <Route path="/counselling/*" element={<CounsellingArea />} />
              <Route path="/visits/*" element={<VisitsArea />} />
              <Route path="/reports/*" element={<ReportsArea />} />
              <Route path="/outreach/*" element={<OutreachArea />} />
              <Route path="/relief/*" element={<ReliefArea />} />
              <Route path="/suits/*" element={<SuitsArea />} />
              <Route path="/reminders/*" element={<RemindersArea />} />
              <Route path="/stats" element={<StatsPage />} />
              {NAV_AREAS.filter((a) => a.pending && !AREAS_WITH_ROUTES.includes(a.path)).map((a) => (
                <Route
                  key={a.path}
                  path={a.path}
                  element={<NotBuiltPage area={a.pending!} title={a.label} />}
                />
              ))}
              <Route path="/audit" element={isAdmin ? <AuditPage /> : <ForbiddenPage />} />
              <Route path="/settings" element={<SettingsPage user={user} />} />
              <Route path="/settings/holidays" element={isAdmin ? <HolidaysPage /> : <ForbiddenPage />} />
              <Route path="*" element={<Navigate to="/" replace />} />
            </Routes>
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}

const ShellHeader = memo(function ShellHeader({
  user,
  lock,
}: {
  user: SessionUser;
  lock: ReturnType<typeof useSession.getState>['lock'];
}) {
  const { token } = theme.useToken();
  const isAdmin = user.role === 'admin';
  return (
    <Layout.Header
      style={{
        flex: 'none',
        height: HEADER_HEIGHT,
        lineHeight: `${HEADER_HEIGHT}px`,
        paddingInline: 20,
        background: token.colorBgContainer,
        borderBottom: `1px solid ${token.colorBorderSecondary}`,
      }}
    >
      <Flex align="center" justify="space-between" style={{ height: '100%' }}>
        <Flex align="center" gap={10}>
          <SunOutlined style={{ fontSize: 22, color: token.colorWarning }} aria-hidden />
          <Typography.Text strong style={{ fontSize: 17 }}>
            {t('app.title')}
          </Typography.Text>
        </Flex>
        <Flex align="center" gap={12}>
          <Flex align="center" gap={6} aria-label={t('app.header.userLabel')} data-testid="current-user">
            <UserOutlined aria-hidden />
            <Typography.Text>{user.displayName}</Typography.Text>
            <Tag color={isAdmin ? 'gold' : 'blue'} style={{ marginInlineEnd: 0 }}>
              {roleLabel(user.role)}
            </Tag>
          </Flex>
          <Tooltip title={t('app.header.lockTip', { shortcut: LOCK_SHORTCUT })}>
            <Button icon={<LockOutlined />} onClick={() => void lock('manual')}>
              {t('app.header.lock')}
            </Button>
          </Tooltip>
        </Flex>
      </Flex>
    </Layout.Header>
  );
});

function NavMenu({ role }: { role: SessionUser['role'] }) {
  const location = useLocation();
  const navigate = useNavigate();
  const items = useMemo(
    () =>
      visibleAreas(role).map((a) => ({
        key: a.path,
        icon: a.icon,
        label: a.path === '/reminders' ? <ReminderNavLabel label={t(a.label)} /> : t(a.label),
      })),
    [role],
  );
  return (
    <nav aria-label={t('app.nav.label')}>
      <Menu
        mode="inline"
        selectedKeys={[areaKey(location.pathname)]}
        style={{ borderInlineEnd: 'none', paddingBlock: 8 }}
        items={items}
        onClick={({ key }) => {
          // The list's rows are asked for with the click, so the core answers while the
          // screen mounts rather than after it (useApiQuery takes the answer up).
          if (key === '/children') prefetchChildrenList();
          navigate(key);
        }}
      />
    </nav>
  );
}
