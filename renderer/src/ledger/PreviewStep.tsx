import {
  Alert,
  App,
  Button,
  Checkbox,
  Flex,
  Segmented,
  Select,
  Space,
  Table,
  type TableColumnsType,
  Tag,
} from 'antd';
import { useMemo, useState } from 'react';
import { type MessageKey, t } from '../../../db/i18n';
import type { MergeField } from '../../../db/ledger/codes';
import type { ApiOutput } from '../api/client';

type Preview = ApiOutput<'ledger.preview'>;
type Row = Preview['rows'][number];
export type Decisions = Record<string, { action: 'merge' | 'new' | 'skip'; fields: MergeField[] }>;

const STATUS: Record<Row['status'], { color: string; key: MessageKey }> = {
  new: { color: 'green', key: 'ledger.preview.statusNew' },
  match: { color: 'blue', key: 'ledger.preview.statusMatch' },
  invalid: { color: 'red', key: 'ledger.preview.statusInvalid' },
  ignored: { color: 'default', key: 'ledger.preview.statusIgnored' },
};

export function PreviewStep({
  preview,
  onCancel,
  onBack,
  onCommit,
}: {
  preview: Preview;
  onCancel: () => void;
  onBack: () => void;
  onCommit: (decisions: Decisions) => void;
}) {
  const { modal } = App.useApp();
  const [filter, setFilter] = useState<'all' | Row['status']>('all');
  const [decisions, setDecisions] = useState<Decisions>({});
  const c = preview.counts;
  const rows = useMemo(
    () => (filter === 'all' ? preview.rows : preview.rows.filter((r) => r.status === filter)),
    [preview.rows, filter],
  );
  const decide = (row: number, d: Decisions[string]) => setDecisions((all) => ({ ...all, [row]: d }));

  const columns: TableColumnsType<Row> = [
    { title: t('ledger.preview.row'), dataIndex: 'row', width: 64 },
    {
      title: t('ledger.preview.status'),
      dataIndex: 'status',
      width: 96,
      render: (s: Row['status']) => <Tag color={STATUS[s].color}>{t(STATUS[s].key)}</Tag>,
    },
    { title: t('ledger.preview.name'), dataIndex: 'name', width: 80 },
    { title: t('ledger.preview.birthDate'), dataIndex: 'birthDate', width: 100 },
    { title: t('ledger.preview.idNumber'), dataIndex: 'idNumberMasked', width: 170 },
    { title: t('ledger.preview.relatives'), dataIndex: 'relatives', width: 60 },
    {
      title: t('ledger.preview.reasons'),
      key: 'reasons',
      render: (_, r) => (
        <Flex vertical gap={2}>
          {r.match && (
            <span>
              {t('ledger.preview.matchWith', {
                name: r.match.name,
                birthDate: r.match.birthDate,
                township: r.match.township,
              })}
            </span>
          )}
          {r.reasons.map((reason) => (
            <span
              key={reason.message}
              className={reason.level === 'error' ? 'ledger-reason-error' : undefined}
            >
              {reason.column !== null
                ? `【${preview.headers[reason.column] || `#${reason.column + 1}`}】`
                : reason.label
                  ? `${reason.label}：`
                  : ''}
              {reason.message}
            </span>
          ))}
        </Flex>
      ),
    },
    {
      title: t('ledger.preview.action'),
      key: 'action',
      width: 210,
      render: (_, r) => {
        if (r.status !== 'match' || !r.match) return null;
        const d = decisions[r.row] ?? { action: 'skip', fields: [] };
        const actions = [
          { value: 'skip', label: t('ledger.preview.actionSkip') },
          ...(r.differs.length ? [{ value: 'merge', label: t('ledger.preview.actionMerge') }] : []),
          ...(r.match.byId ? [] : [{ value: 'new', label: t('ledger.preview.actionNew') }]),
        ];
        return (
          <Flex vertical gap={4}>
            <Select
              aria-label={`${t('ledger.preview.action')} ${r.row}`}
              size="small"
              value={d.action}
              options={actions}
              onChange={(action) =>
                decide(r.row, { action, fields: action === 'merge' ? [...r.differs] : [] })
              }
            />
            {d.action === 'merge' && (
              <Checkbox.Group
                value={d.fields}
                onChange={(fields) => decide(r.row, { action: 'merge', fields: fields as MergeField[] })}
                options={r.differs.map((f) => ({ value: f, label: t(`ledger.fields.${f}` as MessageKey) }))}
              />
            )}
            {r.differs.length === 0 && <span>{t('ledger.preview.sameNothing')}</span>}
          </Flex>
        );
      },
    },
  ];

  const merging = Object.values(decisions).filter((d) => d.action === 'merge' && d.fields.length).length;
  const asNew = Object.values(decisions).filter((d) => d.action === 'new').length;
  const importing = c.new + asNew;

  const confirm = () =>
    modal.confirm({
      title: t('ledger.preview.commit'),
      content: t('ledger.preview.commitConfirm', {
        new: importing,
        merge: merging,
        skip: c.rows - importing - merging,
      }),
      okText: t('ledger.preview.commit'),
      cancelText: t('app.common.cancel'),
      // Closes at once: the import's own progress bar, with its 取消, takes over (a promise
      // returned here would keep the dialog open over it until the import ends).
      onOk: () => {
        onCommit(decisions);
      },
    });

  return (
    <Flex vertical gap={12}>
      <Alert type="info" showIcon title={t('ledger.preview.summary', c)} />
      <Segmented
        value={filter}
        onChange={(v) => setFilter(v as typeof filter)}
        options={[
          { value: 'all', label: `${t('ledger.preview.filterAll')} ${c.rows}` },
          { value: 'new', label: `${t('ledger.preview.statusNew')} ${c.new}` },
          { value: 'match', label: `${t('ledger.preview.statusMatch')} ${c.match}` },
          { value: 'invalid', label: `${t('ledger.preview.statusInvalid')} ${c.invalid}` },
          { value: 'ignored', label: `${t('ledger.preview.statusIgnored')} ${c.ignored}` },
        ]}
      />
      <Table
        size="small"
        rowKey="row"
        columns={columns}
        dataSource={rows}
        pagination={{ pageSize: 50, showSizeChanger: false }}
      />
      <Space>
        <Button onClick={onCancel}>{t('ledger.preview.cancel')}</Button>
        <Button onClick={onBack}>{t('ledger.nav.previous')}</Button>
        <Button type="primary" onClick={confirm}>
          {t('ledger.preview.commit')}
        </Button>
      </Space>
    </Flex>
  );
}
