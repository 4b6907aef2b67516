import { EditOutlined } from '@ant-design/icons';
import {
  Button,
  Card,
  DatePicker,
  Descriptions,
  Flex,
  Form,
  InputNumber,
  Select,
  Tag,
  Typography,
} from 'antd';
import { type ReactNode, useCallback, useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { stepsFrom } from '../../../db/common/flow';
import { t } from '../../../db/i18n';
import { OUTREACH_FLOW, type OutreachStep } from '../../../db/outreach/codes';
import { api } from '../api/client';
import { afterToday, DATE_FORMAT, dateItem, formatTime, todayText } from '../common/dates';
import { BackLink, orNone, Prose } from '../common/empty';
import { FormModal, type ModalProps, ReasonModal, useModalForm } from '../common/FormDialog';
import { RecordHeader, RecordUnavailable } from '../common/RecordPage';
import { useApiQuery } from '../common/useApiQuery';
import { useSession } from '../session/store';
import { OutreachStatusTag, type OutreachView, placeText } from './parts';

export function OutreachRoute() {
  const { id = '' } = useParams();
  return <OutreachPage key={id} id={id} />;
}

function OutreachPage({ id }: { id: string }) {
  const navigate = useNavigate();
  const role = useSession((s) => s.user?.role);
  const { data, error, reload } = useApiQuery('outreach.get', { id });
  const [event, setEvent] = useState<OutreachView | null>(null);
  const [dialog, setDialog] = useState<OutreachStep | null>(null);

  useEffect(() => {
    if (data) setEvent(data);
  }, [data]);

  if (!event)
    return (
      <RecordUnavailable
        error={error}
        back={<BackLink to="/outreach" label={t('outreach.page.back')} />}
        title={t('outreach.page.loadFailed')}
      />
    );

  const actions: ReactNode[] = [];
  if (event.status !== 'cancelled' && role !== 'counsellor')
    actions.push(
      <Button key="edit" icon={<EditOutlined />} onClick={() => navigate(`/outreach/${event.id}/edit`)}>
        {t('outreach.page.edit')}
      </Button>,
    );
  // The buttons come from the same table the API's guard reads.
  for (const step of role ? stepsFrom(OUTREACH_FLOW, event.status, role) : [])
    actions.push(
      <Button
        key={step}
        type={step === 'hold' ? 'primary' : 'default'}
        danger={step === 'cancel'}
        onClick={() => setDialog(step)}
      >
        {t(`outreach.steps.${step}`)}
      </Button>,
    );
  const modalProps = { event, onClose: () => setDialog(null), onSaved: setEvent, onConflict: reload };

  return (
    <>
      <RecordHeader
        back={<BackLink to="/outreach" label={t('outreach.page.back')} />}
        actionsLabel={t('outreach.title')}
        actions={actions}
      >
        <Typography.Title level={4} style={{ margin: 0 }}>
          {event.title ?? t(`outreach.topics.${event.topic}`)}
        </Typography.Title>
        <OutreachStatusTag status={event.status} testId="outreach-status" />
      </RecordHeader>
      <Card title={t('outreach.page.details')} size="small">
        <Descriptions column={{ xs: 1, md: 2 }} size="small">
          <Descriptions.Item label={t('outreach.fields.date')}>{event.date}</Descriptions.Item>
          <Descriptions.Item label={t('outreach.fields.place')}>{placeText(event)}</Descriptions.Item>
          <Descriptions.Item label={t('outreach.fields.topic')}>
            {t(`outreach.topics.${event.topic}`)}
          </Descriptions.Item>
          <Descriptions.Item label={t('outreach.fields.title')}>{orNone(event.title)}</Descriptions.Item>
          <Descriptions.Item label={t('outreach.fields.audienceKind')}>
            {t(`outreach.audienceKinds.${event.audienceKind}`)}
          </Descriptions.Item>
          <Descriptions.Item
            label={
              event.status === 'held' ? t('outreach.fields.audienceCount') : t('outreach.form.expectedCount')
            }
          >
            <span data-testid="outreach-audience">
              {event.audienceCount === null
                ? orNone(null)
                : t('outreach.list.people', { count: event.audienceCount })}
            </span>
          </Descriptions.Item>
          <Descriptions.Item label={t('outreach.fields.speakers')}>
            {event.speakers.join('、')}
          </Descriptions.Item>
          <Descriptions.Item label={t('outreach.fields.createdBy')}>
            {orNone(event.createdByName)} {formatTime(event.createdAt)}
          </Descriptions.Item>
          <Descriptions.Item label={t('outreach.fields.photos')} span={2}>
            {event.photos.length === 0 ? (
              <Typography.Text type="secondary">{t('outreach.page.noPhotos')}</Typography.Text>
            ) : (
              <Flex gap={6} wrap>
                {event.photos.map((p) => (
                  <Tag key={p} style={{ marginInlineEnd: 0 }}>
                    {p}
                  </Tag>
                ))}
              </Flex>
            )}
          </Descriptions.Item>
          {event.cancelReason && (
            <Descriptions.Item label={t('outreach.fields.cancelReason')} span={2}>
              {event.cancelReason}
            </Descriptions.Item>
          )}
        </Descriptions>
        {event.note && (
          <>
            <Typography.Text type="secondary">{t('outreach.fields.note')}</Typography.Text>
            <Prose text={event.note} />
          </>
        )}
      </Card>
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
  const [form] = Form.useForm<HoldValues>();
  const call = useCallback(
    (v: HoldValues) =>
      api('outreach.hold', {
        id: event.id,
        version: event.version,
        date: v.date ?? '',
        audienceCount: v.audienceCount as number,
        photos: v.photos ?? [],
      }),
    [event],
  );
  const { onFinish, submitting, failure } = useModalForm(form, call, props, t('outreach.page.stepDone'));
  return (
    <FormModal
      title={t('outreach.modal.holdTitle')}
      onClose={props.onClose}
      form={form}
      onFinish={onFinish}
      submitting={submitting}
      failure={failure}
      okText={t('outreach.modal.confirm')}
      initialValues={{
        date: [event.date, todayText()].sort()[0],
        audienceCount: event.audienceCount,
        photos: [],
      }}
    >
      <Form.Item label={t('outreach.fields.date')} name="date" required {...dateItem}>
        <DatePicker format={DATE_FORMAT} disabledDate={afterToday} style={{ width: 200 }} />
      </Form.Item>
      <Form.Item label={t('outreach.fields.audienceCount')} name="audienceCount" required>
        <InputNumber min={1} max={100000} precision={0} style={{ width: 200 }} />
      </Form.Item>
      <Form.Item label={t('outreach.fields.photos')} name="photos" extra={t('outreach.form.photosHint')}>
        <Select mode="tags" open={false} tokenSeparators={[' ', ',', '，']} />
      </Form.Item>
    </FormModal>
  );
}

function CancelModal({ event, ...props }: Props) {
  const call = useCallback(
    (reason: string) => api('outreach.cancel', { id: event.id, version: event.version, reason }),
    [event],
  );
  return (
    <ReasonModal
      {...props}
      title={t('outreach.modal.cancelTitle')}
      warning={t('outreach.modal.cancelHint')}
      label={t('outreach.fields.cancelReason')}
      okText={t('outreach.modal.confirm')}
      done={t('outreach.page.stepDone')}
      call={call}
    />
  );
}
