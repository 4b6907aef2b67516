import { Card, Col, DatePicker, Form, Input, InputNumber, Row, Select } from 'antd';
import { useCallback, useMemo } from 'react';
import { TOWNSHIPS } from '../../../db/children/inputs';
import { t } from '../../../db/i18n';
import { AUDIENCE_KINDS, PLACE_KINDS, TOPICS } from '../../../db/outreach/codes';
import { outreachCreateInput, outreachUpdateInput } from '../../../db/outreach/inputs';
import { api } from '../api/client';
import { DATE_FORMAT, dateItem } from '../common/dates';
import { RecordFormRoute, type RecordFormSpec, RecordPageForm, type SpecFormProps } from '../common/FormPage';
import { blankToNull } from '../common/forms';
import { checkInput } from '../common/zodFields';
import type { OutreachView } from './parts';

interface Values {
  date?: string | null;
  township?: string;
  placeKind?: string;
  placeName?: string;
  topic?: string;
  title?: string | null;
  audienceKind?: string;
  audienceCount?: number | null;
  speakers?: string[];
  photos?: string[];
  note?: string | null;
}

const toInput = (v: Values) => ({
  ...v,
  title: blankToNull(v.title),
  note: blankToNull(v.note),
  audienceCount: v.audienceCount ?? null,
  speakers: v.speakers ?? [],
  photos: v.photos ?? [],
});

const PAGES: RecordFormSpec<'outreach.get'> = {
  get: 'outreach.get',
  path: '/outreach',
  texts: 'outreach.form',
  // A conflict shows its message without loading the event again.
  form: (e, props) => <OutreachForm event={e} {...props} onConflict={undefined} />,
};
export const OutreachCreatePage = () => <RecordFormRoute spec={PAGES} mode="create" />;
export const OutreachEditRoute = () => <RecordFormRoute spec={PAGES} mode="edit" />;

function OutreachForm({ event, ...props }: SpecFormProps<OutreachView> & { event: OutreachView | null }) {
  const [form] = Form.useForm<Values>();
  const initialValues = useMemo<Values>(
    () =>
      event
        ? {
            date: event.date,
            township: event.township,
            placeKind: event.placeKind,
            placeName: event.placeName,
            topic: event.topic,
            title: event.title,
            audienceKind: event.audienceKind,
            audienceCount: event.audienceCount,
            speakers: event.speakers,
            photos: event.photos,
            note: event.note,
          }
        : { speakers: [], photos: [] },
    [event],
  );
  const call = useCallback(
    (v: Values) =>
      event
        ? api(
            'outreach.update',
            checkInput(outreachUpdateInput, { id: event.id, version: event.version, ...toInput(v) }),
          )
        : api('outreach.create', checkInput(outreachCreateInput, toInput(v))),
    [event],
  );
  const held = event?.status === 'held';

  return (
    <RecordPageForm form={form} save={call} initialValues={initialValues} maxWidth={null} {...props}>
      <Card title={t('outreach.page.details')} size="small">
        <Row gutter={16}>
          <Col xs={24} md={6}>
            <Form.Item label={t('outreach.fields.date')} name="date" required {...dateItem}>
              <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item label={t('outreach.fields.township')} name="township" required>
              <Select options={TOWNSHIPS.map((tw) => ({ value: tw, label: tw }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={4}>
            <Form.Item label={t('outreach.fields.placeKind')} name="placeKind" required>
              <Select
                options={PLACE_KINDS.map((k) => ({ value: k, label: t(`outreach.placeKinds.${k}`) }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item label={t('outreach.fields.placeName')} name="placeName" required>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item label={t('outreach.fields.topic')} name="topic" required>
              <Select options={TOPICS.map((k) => ({ value: k, label: t(`outreach.topics.${k}`) }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={18}>
            <Form.Item label={t('outreach.fields.title')} name="title">
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item label={t('outreach.fields.audienceKind')} name="audienceKind" required>
              <Select
                options={AUDIENCE_KINDS.map((k) => ({ value: k, label: t(`outreach.audienceKinds.${k}`) }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item
              label={held ? t('outreach.fields.audienceCount') : t('outreach.form.expectedCount')}
              name="audienceCount"
              required={held}
            >
              <InputNumber min={1} max={100000} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              label={t('outreach.fields.speakers')}
              name="speakers"
              required
              extra={t('outreach.form.speakersHint')}
            >
              <Select mode="tags" open={false} tokenSeparators={['、', ',', '，']} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item label={t('outreach.fields.photos')} name="photos" extra={t('outreach.form.photosHint')}>
          <Select mode="tags" open={false} tokenSeparators={[' ', ',', '，']} />
        </Form.Item>
        <Form.Item label={t('outreach.fields.note')} name="note">
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </Card>
    </RecordPageForm>
  );
}
