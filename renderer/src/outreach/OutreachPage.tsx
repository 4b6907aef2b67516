import { EditOutlined } from '@ant-design/icons';
import { Button, Flex, Form, InputNumber, Select, Tag, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { stepsFrom } from '../../../db/common/flow';
import { type Catalog, t } from '../../../db/i18n';
import { OUTREACH_FLOW, type OutreachStep } from '../../../db/outreach/codes';
import { api } from '../api/client';
import { formatTime, todayText } from '../common/dates';
import { orNone, Prose } from '../common/empty';
import type { ModalProps } from '../common/FormDialog';
import { DateField } from '../common/fields';
import { DetailsCard, RecordHeader, stepButtons, useRecordPage } from '../common/RecordPage';
import { ReasonModal, StepModal } from '../common/StepModal';
import { useSession } from '../session/store';
import { OutreachStatusTag, type OutreachView, placeText } from './parts';

export function OutreachRoute() {
  const { id = '' } = useParams();
  return <OutreachPage key={id} id={id} />;
}

const f = (k: keyof Catalog['outreach']['fields']) => t(`outreach.fields.${k}`);

function OutreachPage({ id }: { id: string }) {
  const navigate = useNavigate();
  const role = useSession((s) => s.user?.role);
  const page = useRecordPage('outreach.get', id, '/outreach');
  const { record: event, setRecord, reload, back } = page;
  const [dialog, setDialog] = useState<OutreachStep | null>(null);

  if (!event) return page.unavailable;

  const actions: ReactNode[] = [];
  if (event.status !== 'cancelled' && role !== 'counsellor')
    actions.push(
      <Button key="edit" icon={<EditOutlined />} onClick={() => navigate(`/outreach/${event.id}/edit`)}>
        {t('outreach.page.edit')}
      </Button>,
    );
  // The buttons come from the same table the API's guard reads.
  actions.push(
    ...stepButtons(role ? stepsFrom(OUTREACH_FLOW, event.status, role) : [], {
      label: (step) => t(`outreach.steps.${step}`),
      onClick: setDialog,
      primary: (step) => step === 'hold',
      danger: (step) => step === 'cancel',
    }),
  );
  const modalProps = { event, onClose: () => setDialog(null), onSaved: setRecord, onConflict: reload };

  return (
    <>
      <RecordHeader back={back} actionsLabel={t('outreach.title')} actions={actions}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {event.title ?? t(`outreach.topics.${event.topic}`)}
        </Typography.Title>
        <OutreachStatusTag status={event.status} testId="outreach-status" />
      </RecordHeader>
      <DetailsCard
        title={t('outreach.page.details')}
        column={{ xs: 1, md: 2 }}
        items={[
          { label: f('date'), value: event.date },
          { label: f('place'), value: placeText(event) },
          { label: f('topic'), value: t(`outreach.topics.${event.topic}`) },
          { label: f('title'), value: orNone(event.title) },
          { label: f('audienceKind'), value: t(`outreach.audienceKinds.${event.audienceKind}`) },
          {
            label: event.status === 'held' ? f('audienceCount') : t('outreach.form.expectedCount'),
            value: (
              <span data-testid="outreach-audience">
                {event.audienceCount === null
                  ? orNone(null)
                  : t('outreach.list.people', { count: event.audienceCount })}
              </span>
            ),
          },
          { label: f('speakers'), value: event.speakers.join('、') },
          {
            label: f('createdBy'),
            value: (
              <>
                {orNone(event.createdByName)} {formatTime(event.createdAt)}
              </>
            ),
          },
          {
            label: f('photos'),
            span: 2,
            value:
              event.photos.length === 0 ? (
                <Typography.Text type="secondary">{t('outreach.page.noPhotos')}</Typography.Text>
              ) : (
                <Flex gap={6} wrap>
                  {event.photos.map((p) => (
                    <Tag key={p} style={{ marginInlineEnd: 0 }}>
                      {p}
                    </Tag>
                  ))}
                </Flex>
              ),
          },
          !!event.cancelReason && { label: f('cancelReason'), value: event.cancelReason, span: 2 },
        ]}
      >
        {event.note && (
          <>
            <Typography.Text type="secondary">{f('note')}</Typography.Text>
            <Prose text={event.note} />
          </>
        )}
      </DetailsCard>
      {dialog === 'hold' && <HoldModal {...modalProps} />}
      {dialog === 'cancel' && <CancelModal {...modalProps} />}
    </>
  );
}

type Props = ModalProps<OutreachView> & { event: OutreachView };

interface HoldValues {
  date?: string | null;
  audienceCount?: number | null;
  photos?: string[];
}

function HoldModal({ event, ...props }: Props) {
  return (
    <StepModal<HoldValues, OutreachView>
      {...props}
      title={t('outreach.modal.holdTitle')}
      okText={t('outreach.modal.confirm')}
      done={t('outreach.page.stepDone')}
      call={(v) =>
        api('outreach.hold', {
          id: event.id,
          version: event.version,
          date: v.date ?? '',
          audienceCount: v.audienceCount as number,
          photos: v.photos ?? [],
        })
      }
      initialValues={{
        date: [event.date, todayText()].sort()[0],
        audienceCount: event.audienceCount,
        photos: [],
      }}
    >
      <DateField label={f('date')} name="date" required />
      <Form.Item label={f('audienceCount')} name="audienceCount" required>
        <InputNumber min={1} max={100000} precision={0} style={{ width: 200 }} />
      </Form.Item>
      <Form.Item label={f('photos')} name="photos" extra={t('outreach.form.photosHint')}>
        <Select mode="tags" open={false} tokenSeparators={[' ', ',', '，']} />
      </Form.Item>
    </StepModal>
  );
}

function CancelModal({ event, ...props }: Props) {
  return (
    <ReasonModal
      {...props}
      title={t('outreach.modal.cancelTitle')}
      warning={t('outreach.modal.cancelHint')}
      label={f('cancelReason')}
      okText={t('outreach.modal.confirm')}
      done={t('outreach.page.stepDone')}
      call={(reason) => api('outreach.cancel', { id: event.id, version: event.version, reason })}
    />
  );
}
