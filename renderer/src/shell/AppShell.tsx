import { LockOutlined, SunOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Flex, Layout, Menu, Tag, Tooltip, Typography, theme } from 'antd';
import { Navigate, Route, Routes, useLocation, useNavigate } from 'react-router';
import type { SessionUser } from '../../../db/api/define';
import { t } from '../../../db/i18n';
import { AuditPage } from '../audit/AuditPage';
import { HolidaysPage } from '../calendar/HolidaysPage';
import { ChildrenArea } from '../children/ChildrenArea';
import { roleLabel } from '../common/labels';
import { CounsellingArea } from '../counselling/CounsellingArea';
import { EducationArea } from '../education/EducationArea';
import { HomePage } from '../home/HomePage';
import { OrdersArea } from '../orders/OrdersArea';
import { OutreachArea } from '../outreach/OutreachArea';
import { ReferralsArea } from '../referrals/ReferralsArea';
import { ReliefArea } from '../relief/ReliefArea';
import { ReminderNavLabel } from '../reminders/ReminderNavLabel';
import { RemindersArea } from '../reminders/RemindersArea';
import { ReportsArea } from '../reports/ReportsArea';
import { useSession } from '../session/store';
import { useIdleLock } from '../session/useIdleLock';
import { LOCK_SHORTCUT, useLockShortcut } from '../session/useLockShortcut';
import { SettingsPage } from '../settings/SettingsPage';
import { StatsPage } from '../stats/StatsPage';
import { SuitsArea } from '../suits/SuitsArea';
import { VisitsArea } from '../visits/VisitsArea';
import { ForbiddenPage } from './ForbiddenPage';
import { NotBuiltPage } from './NotBuiltPage';
import { areaKey, NAV_AREAS, visibleAreas } from './nav';

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

const HEADER_HEIGHT = 56;
const SIDER_WIDTH = 200;

/** Everything behind sign-in. Mounted only while unlocked, so locking removes it from the DOM. */
export function AppShell({ user }: { user: SessionUser }) {
  const idleMinutes = useSession((s) => s.idleMinutes);
  const lock = useSession((s) => s.lock);
  useIdleLock(idleMinutes);
  useLockShortcut();
  const { token } = theme.useToken();
  const location = useLocation();
  const navigate = useNavigate();
  const isAdmin = user.role === 'admin';

  return (
    // A fixed frame, as desktop apps have: header and menu stay put, only the content scrolls.
    <Layout style={{ height: '100vh', overflow: 'hidden' }}>
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
      <Layout style={{ minHeight: 0 }}>
        <Layout.Sider
          width={SIDER_WIDTH}
          theme="light"
          style={{ overflow: 'auto', borderInlineEnd: `1px solid ${token.colorBorderSecondary}` }}
        >
          <nav aria-label={t('app.nav.label')}>
            <Menu
              mode="inline"
              selectedKeys={[areaKey(location.pathname)]}
              style={{ borderInlineEnd: 'none', paddingBlock: 8 }}
              items={visibleAreas(user.role).map((a) => ({
                key: a.path,
                icon: a.icon,
                label: a.path === '/reminders' ? <ReminderNavLabel label={t(a.label)} /> : t(a.label),
              }))}
              onClick={({ key }) => navigate(key)}
            />
          </nav>
        </Layout.Sider>
        {/* antd's Layout.Content is itself the page's <main> landmark. */}
        <Layout.Content style={{ padding: 24, minWidth: 0, overflow: 'auto' }}>
          <Routes>
            <Route path="/" element={<HomePage user={user} />} />
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
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
