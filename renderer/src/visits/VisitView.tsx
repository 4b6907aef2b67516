import { PlusOutlined, ProfileOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, type DescriptionsProps, Flex, Tag, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { t } from '../../../db/i18n';
import { AttachmentsPanel } from '../attachments/AttachmentsPanel';
import { needLabel } from '../common/codeLabels';
import { BackButton } from '../common/empty';
import { FINDING_KEYS, type Visit } from './types';
import { visitKindLabel } from './VisitEditor';

/** A submitted visit, read-only: the record as it was made at the door. */
export function VisitView({ visit }: { visit: Visit }) {
  const navigate = useNavigate();
  const dash = t('app.common.empty');
  const text = (v: string | null | undefined) =>
    v ? (
      <span style={{ whiteSpace: 'pre-wrap' }}>{v}</span>
    ) : (
      <Typography.Text type="secondary">{t('visits.index.notFilled')}</Typography.Text>
    );
  return (
    <div style={{ maxWidth: 960 }} data-testid="visit-view">
      <BackButton to="/visits" label={t('visits.view.back')} />
      <Flex align="center" justify="space-between" gap={16} wrap style={{ marginBottom: 16 }}>
        <Flex align="center" gap={12}>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('visits.editor.title', { name: visit.childName })}
          </Typography.Title>
          <Tag color={visit.status === 'final' ? 'green' : 'default'} style={{ marginInlineEnd: 0 }}>
            {visit.status === 'final' ? t('visits.view.final') : t('visits.view.draft')}
          </Tag>
        </Flex>
        <Flex gap={8}>
          <Button icon={<ProfileOutlined />} onClick={() => navigate(`/children/${visit.childId}`)}>
            {t('counselling.record.openFile')}
          </Button>
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => navigate(`/visits/new?childId=${encodeURIComponent(visit.childId)}`)}
          >
            {t('visits.view.again')}
          </Button>
        </Flex>
      </Flex>
      <Flex vertical gap={16}>
        <Card title={t('visits.editor.basics')}>
          <Descriptions
            bordered
            size="small"
            column={2}
            items={[
              { key: 'date', label: t('visits.fields.date'), children: visit.date ?? dash },
              {
                key: 'kind',
                label: t('visits.fields.kind'),
                children: visit.kind ? visitKindLabel(visit.kind) : dash,
              },
              { key: 'place', label: t('visits.fields.place'), children: text(visit.place), span: 2 },
              { key: 'visitors', label: t('visits.fields.visitors'), children: text(visit.visitors) },
              { key: 'personsMet', label: t('visits.fields.personsMet'), children: text(visit.personsMet) },
            ]}
          />
        </Card>
        <Card title={t('visits.editor.findings')}>
          <OneColumn
            items={FINDING_KEYS.map((k) => ({
              key: k,
              label: t(`visits.fields.${k}`),
              children: text(visit.findings?.[k]),
            }))}
          />
        </Card>
        <Card title={t('visits.editor.needs')}>
          {visit.needsFound.length === 0 ? (
            <Typography.Text type="secondary">{t('visits.view.needsNone')}</Typography.Text>
          ) : (
            <OneColumn
              items={visit.needsFound.map((n) => ({
                key: n.kind,
                label: needLabel(n.kind),
                children: text(n.note),
              }))}
            />
          )}
        </Card>
        <Card title={t('visits.editor.follow')}>
          <OneColumn
            items={[
              {
                key: 'actions',
                label: t('visits.fields.actionsAgreed'),
                children: text(visit.actionsAgreed),
              },
              { key: 'next', label: t('visits.fields.nextVisitDate'), children: visit.nextVisitDate ?? dash },
            ]}
          />
        </Card>
        {/* Photos taken at the door belong with the visit. */}
        <AttachmentsPanel recordKind="visit" recordId={visit.id} defaultKind="photo" />
      </Flex>
    </div>
  );
}

/** A section read one line a field, the labels in one narrow column. */
function OneColumn({ items }: { items: DescriptionsProps['items'] }) {
  return <Descriptions bordered size="small" column={1} styles={{ label: { width: 120 } }} items={items} />;
}
