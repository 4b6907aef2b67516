import { Flex, Select, type TableColumnsType, Tag } from 'antd';
import { useMemo } from 'react';
import { t } from '../../../db/i18n';
import { SUIT_KINDS, SUIT_OPEN, SUIT_STATUSES } from '../../../db/suits/codes';
import type { ApiInput, ApiOutput } from '../api/client';
import { numberLink, recordLink } from '../common/columns';
import { None } from '../common/empty';
import {
  countOf,
  oneOf,
  RegisterCard,
  RegisterHeader,
  RegisterTable,
  tableRows,
  useRegisterAddress,
} from '../common/RegisterList';
import { useApiQuery } from '../common/useApiQuery';
import { ViewTabs } from '../common/ViewTabs';
import { SuitStatusTag } from './parts';

type View = NonNullable<ApiInput<'suits.list'>['status']>;
type Kind = NonNullable<ApiInput<'suits.list'>['kind']>;
type Row = ApiOutput<'suits.list'>['rows'][number];

const TABS: readonly View[] = ['open', ...SUIT_STATUSES, 'all'];

/** The register of 支持起诉; its tab, kind and page live in the address. */
export function SuitList() {
  const { params, page, offset, limit, go } = useRegisterAddress('open');
  const view: View = oneOf(TABS, params.get('view')) ?? 'open';
  const kind: Kind = oneOf(SUIT_KINDS, params.get('kind')) ?? 'all';
  const input = useMemo(() => ({ status: view, kind, offset, limit }), [view, kind, offset, limit]);
  const query = useApiQuery('suits.list', input);
  const { data } = query;
  const counts = data?.counts ?? {};

  const columns: TableColumnsType<Row> = [
    {
      title: t('suits.fields.number'),
      dataIndex: 'number',
      key: 'number',
      render: (n: string | null, row) => numberLink(`/suits/${row.id}`, n, t('suits.document.unnumbered')),
    },
    {
      title: t('suits.fields.child'),
      dataIndex: 'childName',
      key: 'child',
      render: (name: string, row) => recordLink(`/children/${row.childId}`, name),
    },
    {
      title: t('suits.fields.kind'),
      dataIndex: 'kind',
      key: 'kind',
      render: (k: Row['kind'], row) => (
        <Flex gap={6} wrap>
          {t(`suits.codes.kind.${k}`)}
          {row.fromOrder && <Tag style={{ marginInlineEnd: 0 }}>{t('suits.list.fromOrder')}</Tag>}
        </Flex>
      ),
    },
    {
      title: t('suits.fields.status'),
      dataIndex: 'status',
      key: 'status',
      render: (s: Row['status']) => <SuitStatusTag status={s} />,
    },
    {
      title: t('suits.fields.court'),
      dataIndex: 'court',
      key: 'court',
      render: (c: string | null) => c ?? <None />,
    },
    {
      title: t('suits.fields.filedDate'),
      dataIndex: 'filedDate',
      key: 'filed',
      render: (d: string | null) => d ?? <None />,
    },
    {
      title: t('suits.fields.decision'),
      dataIndex: 'decision',
      key: 'decision',
      render: (d: Row['decision']) => (d ? t(`suits.codes.decision.${d}`) : <None />),
    },
  ];

  return (
    <>
      <RegisterHeader
        title={t('suits.title')}
        intro={t('suits.intro')}
        exportMethod="exports.suits"
        exportInput={{ status: view, kind }}
        newLabel={t('suits.list.newButton')}
        newPath="/suits/new"
      />
      <RegisterCard>
        <ViewTabs
          views={TABS}
          active={view}
          onChange={(v) => go({ view: v })}
          ariaLabel={t('suits.list.viewsLabel')}
          label={(v) => t(`suits.list.views.${v}`)}
          count={data ? (v) => countOf(v, counts, SUIT_OPEN) : null}
          extra={
            <Select<Kind>
              aria-label={t('suits.list.kindLabel')}
              value={kind}
              onChange={(k) => go({ kind: k === 'all' ? null : k })}
              style={{ width: 160 }}
              options={[
                { value: 'all', label: t('suits.list.allKinds') },
                ...SUIT_KINDS.map((k) => ({ value: k, label: t(`suits.codes.kind.${k}`) })),
              ]}
            />
          }
        />
        <RegisterTable<Row>
          {...tableRows(query)}
          columns={columns}
          rowPath={(row) => `/suits/${row.id}`}
          empty={countOf('all', counts, SUIT_OPEN) === 0 ? t('suits.list.empty') : t('suits.list.emptyView')}
          page={page}
          onPage={(p) => go({ page: p })}
          totalText={(total) => t('suits.list.total', { total })}
        />
      </RegisterCard>
    </>
  );
}
