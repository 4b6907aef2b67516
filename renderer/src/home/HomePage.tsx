import { RightOutlined } from '@ant-design/icons';
import { Alert, Card, Col, Flex, Row, Spin, Tag, Typography, theme } from 'antd';
import { lazy, type ReactNode, Suspense, useEffect } from 'react';
import { Link } from 'react-router';
import type { SessionUser } from '../../../db/api/define';
import { t } from '../../../db/i18n';
import type { ApiOutput } from '../api/client';
import { HomeBackupAlert } from '../backup/HomeBackupAlert';
import { MissingYearAlert } from '../calendar/MissingYearAlert';
import { RiskTag } from '../common/codeLabels';
import { countText, labelOr, roleLabel } from '../common/labels';
import { useApiQuery } from '../common/useApiQuery';
import { DueText, KindTag, type ReminderItem } from '../reminders/parts';

// The caseworker's own year in small charts; echarts arrives with this chunk only.
const MyWorkCharts = lazy(() => import('../stats/MyWorkCharts'));

type Summary = ApiOutput<'home.summary'>;
type Referral = Summary['recentReferrals'][number];

const REFERRAL_COLOR: Record<string, string> = {
  received: 'blue',
  verifying: 'gold',
  triaged: 'cyan',
  tracking: 'purple',
  closed: 'green',
};

/**
 * 首页: the signed-in caseworker's own work, as the records say it is; nothing made up.
 * `onShown` runs once its answer is on screen (the shell warms the next screen then) and may
 * return its cleanup.
 */
export function HomePage({ user, onShown }: { user: SessionUser; onShown?: () => (() => void) | undefined }) {
  const { data, error } = useApiQuery('home.summary', {});
  const shown = data !== null;
  useEffect(() => {
    if (shown) return onShown?.();
  }, [shown, onShown]);

  return (
    <Flex vertical gap={16}>
      <Card size="small">
        <Flex align="baseline" gap={12} wrap>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('app.home.greeting', { name: user.displayName })}
          </Typography.Title>
          <Typography.Text type="secondary">
            {t('app.home.signedInAs', { role: roleLabel(user.role) })}
          </Typography.Text>
        </Flex>
        <Typography.Paragraph type="secondary" style={{ margin: '6px 0 0' }}>
          {t('app.home.intro')}
        </Typography.Paragraph>
      </Card>
      <HomeBackupAlert />
      {error && <Alert type="error" showIcon title={error} />}
      <MissingYearAlert year={data?.calendarMissingYear} />
      {!data && !error && (
        <Flex justify="center" style={{ padding: 48 }}>
          <Spin description={t('reminders.home.loading')} />
        </Flex>
      )}
      {data && (
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={14}>
            <Card
              title={t('reminders.home.todo')}
              extra={<Link to="/reminders">{t('reminders.home.allReminders')}</Link>}
              data-testid="home-todo"
            >
              <Section
                title={t('reminders.home.overdue', {
                  count: countText(data.overdueCount, data.overdueCapped),
                })}
                danger
              >
                <ReminderList items={data.overdue} empty={t('reminders.home.noOverdue')} />
              </Section>
              <Section
                title={t('reminders.home.dueSoon', {
                  count: countText(data.dueSoonCount, data.dueSoonCapped),
                })}
              >
                <ReminderList items={data.dueSoon} empty={t('reminders.home.noDueSoon')} />
              </Section>
            </Card>
          </Col>
          <Col xs={24} xl={10}>
            <Flex vertical gap={16}>
              <Card title={t('reminders.home.risky')} data-testid="home-risky">
                {data.riskyChildren.length === 0 ? (
                  <Typography.Text type="secondary">{t('reminders.home.riskyEmpty')}</Typography.Text>
                ) : (
                  <Rows>
                    {data.riskyChildren.map((c) => (
                      <Line key={c.id}>
                        <Flex gap={10} align="baseline">
                          <RiskTag level={c.riskLevel} short />
                          <Link to={`/children/${c.id}`} style={{ flex: 'none' }}>
                            {c.name}
                          </Link>
                          <Typography.Text type="secondary" ellipsis={{ tooltip: c.riskReason }}>
                            {c.riskReason ?? ''}
                          </Typography.Text>
                        </Flex>
                      </Line>
                    ))}
                  </Rows>
                )}
              </Card>
              <Suspense fallback={null}>
                <MyWorkCharts />
              </Suspense>
              <Card
                title={t('reminders.home.recentReferrals')}
                extra={<Link to="/referrals">{t('reminders.home.allReferrals')}</Link>}
                data-testid="home-referrals"
              >
                {data.recentReferrals.length === 0 ? (
                  <Typography.Text type="secondary">{t('reminders.home.referralsEmpty')}</Typography.Text>
                ) : (
                  <Rows>
                    {data.recentReferrals.map((r) => (
                      <Line key={r.id}>
                        <ReferralRow referral={r} />
                      </Line>
                    ))}
                  </Rows>
                )}
              </Card>
            </Flex>
          </Col>
        </Row>
      )}
    </Flex>
  );
}

function Section({ title, danger, children }: { title: string; danger?: boolean; children: ReactNode }) {
  return (
    <section style={{ marginBottom: 16 }}>
      <Typography.Title level={5} type={danger ? 'danger' : undefined} style={{ marginTop: 0 }}>
        {title}
      </Typography.Title>
      {children}
    </section>
  );
}

/** A list whose rows are separated by hairlines. */
function Rows({ children }: { children: ReactNode }) {
  const { token } = theme.useToken();
  return (
    <Flex vertical style={{ borderTop: `1px solid ${token.colorBorderSecondary}` }}>
      {children}
    </Flex>
  );
}

function Line({ children, ...rest }: { children: ReactNode; 'data-kind'?: string }) {
  const { token } = theme.useToken();
  return (
    <div {...rest} style={{ paddingBlock: 8, borderBottom: `1px solid ${token.colorBorderSecondary}` }}>
      {children}
    </div>
  );
}

function ReminderList({ items, empty }: { items: ReminderItem[]; empty: string }) {
  const { token } = theme.useToken();
  if (items.length === 0) return <Typography.Text type="secondary">{empty}</Typography.Text>;
  return (
    <Rows>
      {items.map((item) => (
        <Line key={item.key} data-kind={item.kind}>
          <Flex gap={10} align="center" wrap>
            <DueText due={item.due} />
            <KindTag kind={item.kind} />
            <Link to={`/children/${item.childId}`}>{item.childName}</Link>
            <Link
              to={item.link}
              style={{ flex: 1, minWidth: 0, ...(item.kind === 'crisis' ? { color: token.colorError } : {}) }}
            >
              {item.title} <RightOutlined style={{ fontSize: 10 }} aria-hidden />
            </Link>
          </Flex>
        </Line>
      ))}
    </Rows>
  );
}

function ReferralRow({ referral: r }: { referral: Referral }) {
  return (
    <Flex vertical gap={2}>
      <Flex gap={8} align="center" wrap>
        <Link to={`/referrals/${r.id}`} style={{ fontWeight: 500 }}>
          {r.number}
        </Link>
        <Tag color={REFERRAL_COLOR[r.status] ?? 'default'} style={{ marginInlineEnd: 0 }}>
          {labelOr(`codes.referralStatus.${r.status}`, r.status)}
        </Tag>
        <Typography.Text type="secondary">
          {r.receivedDate} · {r.sourceDepartment}
        </Typography.Text>
      </Flex>
      <Typography.Text type="secondary" style={{ fontSize: 13 }}>
        {r.childNames.length
          ? t('reminders.home.referralChildren', { names: r.childNames.join('、') })
          : t('reminders.home.noChildren')}
      </Typography.Text>
    </Flex>
  );
}
