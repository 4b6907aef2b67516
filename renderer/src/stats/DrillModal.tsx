// The records behind one number, a page at a time, from the figure's own query (stats.drill).
import { Modal, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { t } from '../../../db/i18n';
import type { FigureKey } from '../../../db/stats/codes';
import type { ApiOutput } from '../api/client';
import { useApiQuery } from '../common/useApiQuery';
import type { PeriodInput } from './period';

type Row = ApiOutput<'stats.drill'>['rows'][number];

export interface DrillTarget {
  figure: FigureKey;
  township: string | null;
  ownerId: string | null;
  cellLabel: string;
}

const PAGE = 20;

function recordText(figure: FigureKey, r: Row): string {
  const parts = r.number?.split('/') ?? [];
  if (figure === 'referralsReceived' || figure === 'referralActions') {
    const number = parts.length === 2 ? t('codes.referralNumber', { year: parts[0], seq: parts[1] }) : '';
    return figure === 'referralActions' && r.tag ? `${number} → ${r.tag}` : number;
  }
  if (figure === 'ordersIssued' || figure === 'ordersClosed') {
    const number =
      parts.length === 3 ? t('codes.orderNumber', { prefix: parts[0], year: parts[1], seq: parts[2] }) : '';
    const outcome =
      r.tag === 'close' || r.tag === 'guidance' || r.tag === 'supportSuit'
        ? `（${t(`stats.outcomes.${r.tag}`)}）`
        : '';
    return number + outcome;
  }
  if (figure === 'reportCases' || figure === 'reportChildren')
    return parts.length === 2 ? t('mandatoryReports.number', { year: parts[0], seq: parts[1] }) : '';
  if (figure === 'suitsIssued' || figure === 'suitsGranted') {
    const number =
      parts.length === 3 ? t('codes.orderNumber', { prefix: parts[0], year: parts[1], seq: parts[2] }) : '';
    const decision =
      r.tag === 'revoked' || r.tag === 'changed' ? `（${t(`suits.codes.decision.${r.tag}`)}）` : '';
    return (number || t(`stats.figures.${figure}.name`)) + decision;
  }
  if (figure === 'outreachEvents' || figure === 'outreachAudience') {
    const topic = r.tag ? t(`outreach.topics.${r.tag as 'bullying'}`) : '';
    return figure === 'outreachAudience' ? `${topic} · ${r.value ?? 0}人次` : topic;
  }
  if (figure === 'reliefGrantedAmount' || figure === 'reliefPaidAmount')
    return `${t(`stats.figures.${figure}.name`)} ${(r.value ?? 0).toFixed(2)}元`;
  return t(`stats.figures.${figure}.name`);
}

function recordLink(figure: FigureKey, r: Row): string | null {
  if (figure === 'referralsReceived') return `/referrals/${r.id}`;
  if (figure === 'referralActions' && r.ref) return `/referrals/${r.ref}`;
  if (figure === 'ordersIssued' || figure === 'ordersClosed') return `/orders/${r.id}`;
  if (figure === 'guidanceSessions' && r.ref) return `/education/plans/${r.ref}`;
  if (figure === 'visits') return `/visits/${r.id}`;
  if (figure === 'reportCases') return `/reports/${r.id}`;
  if (figure === 'reportChildren' && r.ref) return `/reports/${r.ref}`;
  if (figure === 'outreachEvents' || figure === 'outreachAudience') return `/outreach/${r.id}`;
  if (figure === 'reliefGranted' || figure === 'reliefGrantedAmount' || figure === 'reliefPaidAmount')
    return `/relief/${r.id}`;
  if (figure === 'suitsIssued' || figure === 'suitsGranted') return `/suits/${r.id}`;
  return null;
}

export function DrillModal({
  target,
  period,
  periodText,
  onClose,
}: {
  target: DrillTarget;
  period: PeriodInput;
  periodText: string;
  onClose: () => void;
}) {
  const [page, setPage] = useState(1);
  const { data, error, loading } = useApiQuery('stats.drill', {
    period,
    figure: target.figure,
    township: target.township,
    ownerId: target.ownerId,
    offset: (page - 1) * PAGE,
    limit: PAGE,
  });
  const columns = [
    { title: t('stats.drill.date'), dataIndex: 'date', width: 110, render: (v: string | null) => v ?? '—' },
    {
      title: t('stats.drill.child'),
      dataIndex: 'childName',
      render: (v: string | null, r: Row) =>
        v && r.childId ? <Link to={`/children/${r.childId}`}>{v}</Link> : '—',
    },
    { title: t('stats.drill.idNumber'), dataIndex: 'idNumber', render: (v: string | null) => v ?? '—' },
    { title: t('stats.drill.township'), dataIndex: 'township', render: (v: string | null) => v ?? '—' },
    {
      title: t('stats.drill.owner'),
      dataIndex: 'ownerName',
      render: (v: string | null) => v ?? t('stats.page.noOwner'),
    },
    {
      title: t('stats.drill.record'),
      key: 'record',
      render: (_: unknown, r: Row) => {
        const text = recordText(target.figure, r);
        const link = recordLink(target.figure, r);
        return link ? <Link to={link}>{text}</Link> : text;
      },
    },
  ];
  return (
    <Modal
      open
      width={960}
      onCancel={onClose}
      footer={null}
      title={t('stats.drill.title', {
        figure: t(`stats.figures.${target.figure}.name`),
        cell: target.cellLabel,
        period: periodText,
        total: data?.total ?? '…',
      })}
    >
      {error && <Typography.Text type="danger">{error}</Typography.Text>}
      <Table<Row>
        data-testid="drill-table"
        rowKey="id"
        size="small"
        loading={loading}
        columns={columns}
        dataSource={data?.rows ?? []}
        pagination={{
          current: page,
          pageSize: PAGE,
          total: data?.total ?? 0,
          onChange: setPage,
          showSizeChanger: false,
        }}
      />
    </Modal>
  );
}
