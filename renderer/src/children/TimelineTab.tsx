import { Button, Card, Empty, Flex, Tag, Timeline, Typography } from 'antd';
import { Link } from 'react-router';
import { t } from '../../../db/i18n';
import { InfoNote } from '../common/InfoNote';
import { labelOr } from '../common/labels';
import type { ChildFile } from './types';

const AREA_COLORS: Record<string, string> = {
  children: 'blue',
  referrals: 'purple',
  education: 'cyan',
  orders: 'magenta',
  relief: 'gold',
  suits: 'volcano',
};

/**
 * Everything any area recorded about the child, newest first as the core sorts it. Items are
 * rendered generically, so a new area's entries appear here without this page changing.
 */
export function TimelineTab({
  items,
  stale,
  onReload,
}: {
  items: ChildFile['timeline'];
  stale: boolean;
  onReload: () => void;
}) {
  return (
    <Card title={t('children.file.tabs.timeline')}>
      {stale && (
        <InfoNote
          title={t('children.file.timelineStale')}
          action={
            <Button size="small" onClick={onReload}>
              {t('children.file.reload')}
            </Button>
          }
        />
      )}
      {items.length === 0 ? (
        <Empty description={t('children.timeline.empty')} />
      ) : (
        <section aria-label={t('children.timeline.label')}>
          <Timeline
            items={items.map((item, i) => ({
              key: `${item.date}-${i}`,
              color: AREA_COLORS[item.area] ?? 'gray',
              content: (
                <div data-testid="timeline-item">
                  <Flex gap={8} align="baseline" wrap>
                    <Typography.Text type="secondary" style={{ fontVariantNumeric: 'tabular-nums' }}>
                      {item.date}
                    </Typography.Text>
                    <Tag color={AREA_COLORS[item.area] ?? 'default'} style={{ marginInlineEnd: 0 }}>
                      {labelOr(`timeline.area.${item.area}`, item.area)}
                    </Tag>
                    <Typography.Text strong>{item.title}</Typography.Text>
                    {item.link && <Link to={item.link}>{t('children.timeline.open')}</Link>}
                  </Flex>
                  {item.detail && (
                    <Typography.Paragraph type="secondary" style={{ margin: '2px 0 0' }}>
                      {item.detail}
                    </Typography.Paragraph>
                  )}
                </div>
              ),
            }))}
          />
        </section>
      )}
    </Card>
  );
}
