import { SearchOutlined } from '@ant-design/icons';
import { Alert, Flex, Input, Segmented, Table, type TableColumnsType, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { t } from '../../../db/i18n';
import type { ApiInput } from '../api/client';
import { genderLabel, RiskTag } from '../common/codeLabels';
import { SEARCH_DEBOUNCE_MS } from '../common/search';
import { useApiQuery } from '../common/useApiQuery';
import { useSession } from '../session/store';
import type { ChildRow } from './types';

const LIMIT = 20;

type Scope = 'mine' | 'all';

/**
 * Finds a child to work on (counselling, a visit). Opens on the reader's own children, since
 * that is whom a caseworker visits; counselling staff and admins own none and start on all.
 * Typing searches the whole register whatever the scope.
 */
export function ChildPicker({ linkTo, testId }: { linkTo: (child: ChildRow) => string; testId?: string }) {
  const navigate = useNavigate();
  const user = useSession((s) => s.user);
  const ownsChildren = user?.role === 'caseworker' || user?.role === 'supervisor';
  const [scope, setScope] = useState<Scope>(ownsChildren ? 'mine' : 'all');
  const [typed, setTyped] = useState('');
  const [query, setQuery] = useState('');

  useEffect(() => {
    const timer = setTimeout(() => setQuery(typed.trim()), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [typed]);

  const input = useMemo((): ApiInput<'children.list'> => {
    if (query) return { query, limit: LIMIT };
    return {
      status: 'active',
      ...(scope === 'mine' && user ? { ownerId: user.id } : {}),
      limit: LIMIT,
    };
  }, [query, scope, user]);
  const { data, error, loading } = useApiQuery('children.list', input);

  const columns: TableColumnsType<ChildRow> = [
    {
      title: t('counselling.picker.name'),
      dataIndex: 'name',
      key: 'name',
      render: (name: string, row) => (
        <Link to={linkTo(row)} aria-label={t('counselling.picker.open', { name })}>
          {name}
        </Link>
      ),
    },
    {
      title: t('counselling.picker.genderAge'),
      key: 'genderAge',
      render: (_, row) =>
        t('counselling.picker.genderAgeValue', { gender: genderLabel(row.gender), age: row.age }),
    },
    {
      title: t('counselling.picker.place'),
      key: 'place',
      render: (_, row) => (row.village ? `${row.township} ${row.village}` : row.township),
    },
    {
      title: t('counselling.picker.risk'),
      dataIndex: 'riskLevel',
      key: 'risk',
      render: (v: ChildRow['riskLevel']) => <RiskTag level={v} short />,
    },
    {
      title: t('counselling.picker.owner'),
      dataIndex: 'ownerName',
      key: 'owner',
      render: (v: string | null) => v || t('app.common.empty'),
    },
  ];

  const emptyText =
    !query && scope === 'mine' ? t('counselling.picker.mineEmpty') : t('counselling.picker.empty');

  return (
    <div data-testid={testId}>
      <Flex gap={12} wrap align="center" style={{ marginBottom: 12 }}>
        <Input
          type="search"
          size="large"
          allowClear
          autoFocus
          prefix={<SearchOutlined aria-hidden />}
          aria-label={t('counselling.picker.searchLabel')}
          placeholder={t('counselling.picker.searchPlaceholder')}
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
          style={{ maxWidth: 420 }}
        />
        <Segmented<Scope>
          aria-label={t('counselling.picker.scopeLabel')}
          value={scope}
          onChange={setScope}
          disabled={query !== ''}
          options={[
            { value: 'mine', label: t('counselling.picker.mine') },
            { value: 'all', label: t('counselling.picker.all') },
          ]}
        />
        {data && (
          <Typography.Text type="secondary" style={{ marginInlineStart: 'auto' }}>
            {t('counselling.picker.total', { total: data.total })}
          </Typography.Text>
        )}
      </Flex>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Table<ChildRow>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={data?.rows ?? []}
        loading={{ spinning: loading, delay: 200 }}
        pagination={false}
        locale={{ emptyText }}
        onRow={(row) => ({
          onClick: (e) => {
            // The name link navigates by itself; a click elsewhere on the row does it here.
            if ((e.target as HTMLElement).closest('a')) return;
            navigate(linkTo(row));
          },
          style: { cursor: 'pointer' },
        })}
      />
    </div>
  );
}
