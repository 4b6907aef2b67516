import { PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Input, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { PageHeader } from '../common/PageHeader';
import { useApiQuery } from '../common/useApiQuery';
import { t } from '../i18n';
import { ChildRegisterDrawer } from './ChildRegisterDrawer';
import type { ChildRow } from './types';

const PAGE_SIZE = 50;
const SEARCH_DEBOUNCE_MS = 150;

export function ChildrenPage() {
  const [typed, setTyped] = useState('');
  const [query, setQuery] = useState('');
  const [page, setPage] = useState(1);
  const [registering, setRegistering] = useState(false);

  useEffect(() => {
    const timer = setTimeout(() => {
      setQuery(typed.trim());
      setPage(1);
    }, SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [typed]);

  const input = useMemo(
    () => ({ ...(query ? { query } : {}), offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE }),
    [query, page],
  );
  const { data, error, loading, reload } = useApiQuery('children.list', input);
  const columns = useMemo(childColumns, []);
  const total = data?.total ?? 0;

  return (
    <>
      <PageHeader
        title={t('children.title')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setRegistering(true)}>
            {t('children.register.button')}
          </Button>
        }
      />
      <Card>
        <Flex align="center" justify="space-between" gap={16} wrap style={{ marginBottom: 16 }}>
          <Input
            type="search"
            allowClear
            prefix={<SearchOutlined aria-hidden />}
            aria-label={t('children.list.searchLabel')}
            placeholder={t('children.list.searchPlaceholder')}
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
            style={{ maxWidth: 420 }}
          />
          <Typography.Text type="secondary" data-testid="children-total">
            {data ? t('children.list.total', { total }) : null}
          </Typography.Text>
        </Flex>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
        <Table<ChildRow>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={data?.rows ?? []}
          loading={{ spinning: loading, delay: 200 }}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: query ? t('children.list.emptySearch') : t('children.list.empty') }}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total,
            showSizeChanger: false,
            hideOnSinglePage: true,
            onChange: setPage,
            showTotal: (n) => t('children.list.total', { total: n }),
          }}
        />
      </Card>
      <ChildRegisterDrawer open={registering} onClose={() => setRegistering(false)} onCreated={reload} />
    </>
  );
}

function childColumns(): TableColumnsType<ChildRow> {
  const dash = t('app.common.empty');
  return [
    { title: t('children.fields.name'), dataIndex: 'name', key: 'name', fixed: 'start' },
    {
      title: t('children.fields.gender'),
      dataIndex: 'gender',
      key: 'gender',
      render: (g: ChildRow['gender']) => t(`children.gender.${g}`),
    },
    {
      title: t('children.list.birthAndAge'),
      key: 'birth',
      render: (_, row) => (
        <span>
          {row.birthDate}
          <Typography.Text type="secondary">{t('children.list.age', { age: row.age })}</Typography.Text>
        </span>
      ),
    },
    {
      title: t('children.fields.idNumber'),
      dataIndex: 'idNumberMasked',
      key: 'idNumber',
      render: (v: string | null) =>
        v ? (
          <span style={{ fontVariantNumeric: 'tabular-nums' }}>{v}</span>
        ) : (
          <Typography.Text type="secondary">{t('children.list.noIdNumber')}</Typography.Text>
        ),
    },
    { title: t('children.fields.township'), dataIndex: 'township', key: 'township' },
    { title: t('children.fields.village'), dataIndex: 'village', key: 'village', render: (v) => v || dash },
    { title: t('children.fields.school'), dataIndex: 'school', key: 'school', render: (v) => v || dash },
    {
      title: t('children.fields.status'),
      dataIndex: 'status',
      key: 'status',
      render: (s: ChildRow['status']) => (
        <Tag color={s === 'active' ? 'green' : 'default'}>{t(`children.status.${s}`)}</Tag>
      ),
    },
  ];
}
