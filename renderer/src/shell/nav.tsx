import {
  AccountBookOutlined,
  AlertOutlined,
  AuditOutlined,
  BankOutlined,
  BarChartOutlined,
  BellOutlined,
  CarOutlined,
  FileProtectOutlined,
  HeartOutlined,
  HomeOutlined,
  ReadOutlined,
  SettingOutlined,
  SoundOutlined,
  SwapOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { Role } from '../../../db/api/define';
import type { MessageKey } from '../../../db/i18n';

/** Areas whose screens do not exist yet; each has an app.notBuilt.<area> line. */
export type PendingArea =
  | 'referrals'
  | 'education'
  | 'orders'
  | 'counselling'
  | 'visits'
  | 'reminders'
  | 'stats';

export interface NavArea {
  path: string;
  label: MessageKey;
  icon: ReactNode;
  /** Roles that see the area; everyone when absent. */
  roles?: readonly Role[];
  pending?: PendingArea;
}

// The order is the order of the menu.
export const NAV_AREAS: readonly NavArea[] = [
  { path: '/', label: 'app.nav.home', icon: <HomeOutlined /> },
  { path: '/children', label: 'app.nav.children', icon: <TeamOutlined /> },
  { path: '/referrals', label: 'app.nav.referrals', icon: <SwapOutlined /> },
  { path: '/education', label: 'app.nav.education', icon: <ReadOutlined /> },
  { path: '/orders', label: 'app.nav.orders', icon: <FileProtectOutlined /> },
  { path: '/counselling', label: 'app.nav.counselling', icon: <HeartOutlined /> },
  { path: '/visits', label: 'app.nav.visits', icon: <CarOutlined /> },
  { path: '/reports', label: 'mandatoryReports.title', icon: <AlertOutlined /> },
  { path: '/outreach', label: 'outreach.title', icon: <SoundOutlined /> },
  { path: '/relief', label: 'app.nav.relief', icon: <AccountBookOutlined /> },
  { path: '/suits', label: 'app.nav.suits', icon: <BankOutlined /> },
  { path: '/reminders', label: 'app.nav.reminders', icon: <BellOutlined /> },
  { path: '/stats', label: 'app.nav.stats', icon: <BarChartOutlined /> },
  { path: '/audit', label: 'app.nav.audit', icon: <AuditOutlined />, roles: ['admin'] },
  { path: '/settings', label: 'app.nav.settings', icon: <SettingOutlined /> },
];

export function visibleAreas(role: Role): NavArea[] {
  return NAV_AREAS.filter((a) => !a.roles || a.roles.includes(role));
}

/** The menu key for a location: the area whose path starts it. */
export function areaKey(pathname: string): string {
  const first = `/${pathname.split('/')[1] ?? ''}`;
  return NAV_AREAS.some((a) => a.path === first) ? first : '/';
}
