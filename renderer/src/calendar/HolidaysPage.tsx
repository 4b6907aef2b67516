import { ArrowLeftOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, Flex, Segmented, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { t } from '../../../db/i18n';
import type { ApiOutput } from '../api/client';
import { formatDateTime } from '../common/dates';
import { PageHeader } from '../common/PageHeader';
import { useApiQuery } from '../common/useApiQuery';
import { YearEditor } from './YearEditor';
import { YearGrid } from './YearGrid';

type YearView = ApiOutput<'calendar.list'>['years'][number];

const SOURCE_COLOR = { shipped: 'default', notice: 'blue', manual: 'purple' } as const;

function festivalLine(f: NonNullable<YearView['festivals']>[number]): string {
  const ranges = f.ranges
    .map((r) => (r.from === r.to ? r.from : t('calendar.rangeMany', { from: r.from, to: r.to })))
    .join('、');
  const worked = f.workdays.length
    ? t('calendar.festivalWorkdays', { dates: f.workdays.join('、') })
    : t('calendar.noWorkdays');
  return t('calendar.festivalSummary', { name: f.name, ranges, worked });
}

/** 设置 → 节假日安排: the years the working-day calendar covers, each as twelve months, and how to add the next. */
export function HolidaysPage() {
  const { data, error, reload } = useApiQuery('calendar.list', {});
  const [selected, setSelected] = useState<number | null>(null);
  const [editing, setEditing] = useState<'add' | YearView | null>(null);

  // A year just saved is selected before the reloaded list has it; until then the latest year shows.
  const year = data?.years.find((y) => y.year === selected) ?? data?.years.at(-1) ?? null;

  return (
    <>
      <PageHeader
        title={t('calendar.title')}
        intro={t('calendar.hint')}
        extra={
          <Flex gap={8} align="center">
            <Link to="/settings">
              <ArrowLeftOutlined /> {t('calendar.back')}
            </Link>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('add')}>
              {t('calendar.add')}
            </Button>
          </Flex>
        }
      />
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      {data?.missingYear && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('calendar.missing.home', { year: data.missingYear })}
        />
      )}
      {!data && !error && (
        <Flex justify="center" style={{ padding: 48 }}>
          <Spin />
        </Flex>
      )}
      {data && data.years.length === 0 && <Empty description={t('calendar.noYears')} />}
      {data && year && (
        <Card
          title={
            <Flex gap={12} align="center" wrap>
              <Typography.Text type="secondary" style={{ fontWeight: 400 }}>
                {t('calendar.years')}
              </Typography.Text>
              <Segmented
                value={year.year}
                onChange={(v) => setSelected(Number(v))}
                options={data.years.map((y) => ({
                  value: y.year,
                  label: t('calendar.yearLabel', { year: y.year }),
                }))}
              />
            </Flex>
          }
          extra={
            <Button icon={<EditOutlined />} onClick={() => setEditing(year)}>
              {t('calendar.correct', { year: year.year })}
            </Button>
          }
        >
          <Flex gap={8} align="center" wrap style={{ marginBottom: 12 }} data-testid="calendar-year-source">
            <Tag color={SOURCE_COLOR[year.source]}>{t(`calendar.source.${year.source}`)}</Tag>
            <Typography.Text type="secondary">
              {year.source === 'shipped'
                ? t('calendar.shippedLine')
                : t('calendar.updatedLine', {
                    name: year.updatedByName ?? '',
                    at: year.updatedAt ? formatDateTime(year.updatedAt) : '',
                  })}
            </Typography.Text>
          </Flex>
          {year.festivals && (
            <ul style={{ margin: '0 0 16px', paddingInlineStart: 18 }} data-testid="calendar-festivals">
              {year.festivals.map((f) => (
                <li key={f.name}>{festivalLine(f)}</li>
              ))}
            </ul>
          )}
          <YearGrid year={year.year} holidays={year.holidays} workdays={year.workdays} />
        </Card>
      )}
      {editing && (
        <YearEditor
          correcting={
            editing === 'add'
              ? null
              : {
                  year: editing.year,
                  festivals: editing.festivals,
                  sourceLabel: t(`calendar.source.${editing.source}`),
                }
          }
          onClose={() => setEditing(null)}
          onSaved={(saved) => {
            setEditing(null);
            setSelected(saved);
            reload();
          }}
        />
      )}
    </>
  );
}

/** The settings page's entry to 节假日安排: what is covered, and what is missing. */
export function HolidaysCard() {
  const { data } = useApiQuery('calendar.list', {});
  return (
    <Card title={t('calendar.title')} data-testid="holidays-card">
      <Typography.Paragraph type="secondary">{t('calendar.hint')}</Typography.Paragraph>
      <Flex gap={12} align="center" wrap>
        {data && (
          <Typography.Text>
            {t('calendar.card.covered', {
              years: data.years.map((y) => t('calendar.yearLabel', { year: y.year })).join('、'),
            })}
          </Typography.Text>
        )}
        {data?.missingYear && (
          <Tag color="warning">{t('calendar.card.missing', { year: data.missingYear })}</Tag>
        )}
        <Link to="/settings/holidays">{t('calendar.card.open')}</Link>
      </Flex>
    </Card>
  );
}
