import { Flex, Select, type TableColumnsType, Tag } from 'antd';
import { useMemo } from 'react';
import { t } from '../../../db/i18n';
import { SUIT_KINDS, SUIT_OPEN, SUIT_STATUSES } from '../../../db/suits/codes';
import type { ApiInput, ApiOutput } from '../api/client';
import { childLink, columnsOf, numberLink, orDash } from '../common/columns';
import { None } from '../common/empty';
import { oneOf, Register, useRegisterView } from '../common/RegisterList';
import { useApiQuery } from '../common/useApiQuery';
import { SuitStatusTag } from './parts';

type View = NonNullable<ApiInput<'suits.list'>['status']>;
type Kind = NonNullable<ApiInput<'suits.list'>['kind']>;
type Row = ApiOutput<'suits.list'>['rows'][number];
const col = columnsOf<Row>();

const TABS: readonly View[] = ['open', ...SUIT_STATUSES, 'all'];

const REGISTER = { area: 'suits', path: '/suits', views: TABS, open: SUIT_OPEN } as const;

/** The register of 支持起诉; its tab, kind and page live in the address. */
export function SuitList() {
  const register = useRegisterView(REGISTER);
  const { params, view, offset, limit, go } = register;
  const kind: Kind = oneOf(SUIT_KINDS, params.get('kind')) ?? 'all';
  const input = useMemo(() => ({ status: view, kind, offset, limit }), [view, kind, offset, limit]);
  const query = useApiQuery('suits.list', input);

  const columns: TableColumnsType<Row> = [
    col(t('suits.fields.number'), 'number', (n, row) =>
      numberLink(`/suits/${row.id}`, n, t('suits.document.unnumbered')),
    ),
    col(t('suits.fields.child'), 'childName', childLink),
    col(t('suits.fields.kind'), 'kind', (k, row) => (
      <Flex gap={6} wrap>
        {t(`suits.codes.kind.${k}`)}
        {row.fromOrder && <Tag style={{ marginInlineEnd: 0 }}>{t('suits.list.fromOrder')}</Tag>}
      </Flex>
    )),
    col(t('suits.fields.status'), 'status', (s) => <SuitStatusTag status={s} />),
    col(t('suits.fields.court'), 'court', orDash),
    col(t('suits.fields.filedDate'), 'filedDate', orDash),
    col(t('suits.fields.decision'), 'decision', (d) => (d ? t(`suits.codes.decision.${d}`) : <None />)),
  ];

  return (
    <Register
      register={register}
      query={query}
      columns={columns}
      exportInput={{ status: view, kind }}
      tabExtra={
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
  );
}
