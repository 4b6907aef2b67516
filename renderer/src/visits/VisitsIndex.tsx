import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Modal, Table, type TableColumnsType, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { t } from '../../../db/i18n';
import { ChildPicker } from '../children/ChildPicker';
import { ExportExcelButton } from '../common/ExportExcelButton';
import { PageHeader } from '../common/PageHeader';
import { useApiQuery } from '../common/useApiQuery';
import type { Visit } from './types';
import { visitKindLabel } from './VisitEditor';

const RECENT_VISITS = 20;

// The columns both tables show the same way: the child (opening the visit), its kind and place.
function childColumn(): TableColumnsType<Visit>[number] {
  return {
    title: t('visits.index.child'),
    dataIndex: 'childName',
    key: 'child',
    render: (name: string, v) => <Link to={`/visits/${v.id}`}>{name}</Link>,
  };
}

function kindAndPlace(): TableColumnsType<Visit> {
  const dash = t('app.common.empty');
  return [
    {
      title: t('visits.index.kind'),
      dataIndex: 'kind',
      key: 'kind',
      render: (k: string | null) => (k ? visitKindLabel(k) : dash),
    },
    {
      title: t('visits.index.place'),
      dataIndex: 'place',
      key: 'place',
      render: (p: string | null) => p ?? dash,
    },
  ];
}

/** 走访记录: my drafts to resume, a new visit, and the latest visits to my children. */
export function VisitsIndex() {
  const navigate = useNavigate();
  const [picking, setPicking] = useState(false);
  const drafts = useApiQuery('visits.myDrafts', {});
  const dash = t('app.common.empty');

  const draftColumns: TableColumnsType<Visit> = [
    childColumn(),
    {
      title: t('visits.index.date'),
      dataIndex: 'date',
      key: 'date',
      render: (d: string | null) => d ?? dash,
    },
    ...kindAndPlace(),
    {
      title: t('visits.index.savedTitle'),
      key: 'saved',
      render: (_, v) => (
        <Typography.Text type="secondary">{dayjs(v.updatedAt).format('YYYY-MM-DD HH:mm:ss')}</Typography.Text>
      ),
    },
    {
      title: '',
      key: 'resume',
      align: 'end',
      render: (_, v) => (
        <Button
          type="primary"
          icon={<EditOutlined />}
          aria-label={t('visits.index.resumeLabel', { name: v.childName })}
          onClick={() => navigate(`/visits/${v.id}`)}
        >
          {t('visits.index.resume')}
        </Button>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('visits.title')}
        intro={t('visits.intro')}
        extra={
          <Flex gap={8} align="center">
            <ExportExcelButton method="exports.visits" input={{}} />
            <Button type="primary" size="large" icon={<PlusOutlined />} onClick={() => setPicking(true)}>
              {t('visits.index.startTitle')}
            </Button>
          </Flex>
        }
      />
      <Flex vertical gap={16}>
        <Card title={t('visits.index.draftsTitle')} data-testid="visit-drafts">
          {drafts.error && <Alert type="error" showIcon title={drafts.error} style={{ marginBottom: 12 }} />}
          <Table<Visit>
            rowKey="id"
            size="middle"
            columns={draftColumns}
            dataSource={drafts.data ?? []}
            loading={{ spinning: drafts.loading, delay: 200 }}
            pagination={false}
            locale={{ emptyText: t('visits.index.draftsEmpty') }}
          />
        </Card>
        <RecentVisits />
      </Flex>
      <Modal
        title={t('visits.index.startTitle')}
        open={picking}
        onCancel={() => setPicking(false)}
        footer={null}
        width={900}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">{t('visits.index.startIntro')}</Typography.Paragraph>
        <ChildPicker
          testId="visit-child-picker"
          linkTo={(child) => `/visits/new?childId=${encodeURIComponent(child.id)}`}
        />
      </Modal>
    </>
  );
}

/** The latest submitted visits to the reader's own children: one call, over all of them. */
function RecentVisits() {
  const { data: rows, error } = useApiQuery('visits.recent', { limit: RECENT_VISITS });
  const dash = t('app.common.empty');

  const columns: TableColumnsType<Visit> = [
    { title: t('visits.index.date'), dataIndex: 'date', key: 'date', width: 120 },
    childColumn(),
    ...kindAndPlace(),
    {
      title: t('visits.index.next'),
      dataIndex: 'nextVisitDate',
      key: 'next',
      render: (d: string | null) => d ?? dash,
    },
  ];

  return (
    <Card title={t('visits.index.recentTitle')} data-testid="visit-recent">
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Table<Visit>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={rows ?? []}
        loading={{ spinning: rows === null && !error, delay: 200 }}
        pagination={false}
        locale={{ emptyText: t('visits.index.recentEmpty') }}
      />
    </Card>
  );
}
