import { Button, Card, Col, DatePicker, Flex, Form, Input, Row } from 'antd';
import { useCallback, useMemo } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { t } from '../../../db/i18n';
import { api } from '../api/client';
import { ChildField, GuardianSelect, useFormChild } from '../children/pickers';
import { afterToday, DATE_FORMAT, dateItem, todayText } from '../common/dates';
import { BackLink } from '../common/empty';
import { PageForm } from '../common/PageForm';
import { PageHeader } from '../common/PageHeader';
import { useApiForm } from '../common/useApiForm';
import { useSession } from '../session/store';

interface AdmonitionValues {
  childId?: string | null;
  guardianPersonId?: string | null;
  date?: string | null;
  place?: string;
  reason?: string;
  deliveredBy?: string;
}

/** 新建训诫: /education/admonitions/new, optionally ?childId= from the child's file. */
export function AdmonitionCreatePage() {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const initialChildId = params.get('childId');
  const userName = useSession((s) => s.user?.displayName ?? '');
  const [form] = Form.useForm<AdmonitionValues>();
  const { childId, file, loading, error } = useFormChild(form, initialChildId);

  const initialValues = useMemo<AdmonitionValues>(
    () => ({ childId: initialChildId, date: todayText(), deliveredBy: userName }),
    [initialChildId, userName],
  );
  const call = useCallback(
    (v: AdmonitionValues) =>
      api('education.admonish', {
        childId: v.childId ?? '',
        guardianPersonId: v.guardianPersonId ?? '',
        date: v.date ?? '',
        place: v.place ?? '',
        reason: v.reason ?? '',
        deliveredBy: v.deliveredBy ?? '',
      }),
    [],
  );
  const { onFinish, submitting, failure } = useApiForm(form, call, {
    successMessage: t('education.admonition.done'),
    onSuccess: () => navigate('/education?view=admonitions', { replace: true }),
  });

  return (
    <>
      <BackLink to="/education?view=admonitions" label={t('education.page.back')} />
      <div style={{ height: 8 }} />
      <PageHeader title={t('education.admonition.title')} intro={t('education.admonition.intro')} />
      <PageForm<AdmonitionValues>
        form={form}
        onFinish={onFinish}
        initialValues={initialValues}
        failure={failure}
        maxWidth={860}
      >
        <Card size="small">
          <Row gutter={16}>
            <Col span={12}>
              <ChildField
                label={t('education.fields.child')}
                selectedLabel={file?.profile.name}
                onPicked={() => form.setFieldsValue({ guardianPersonId: null })}
              />
            </Col>
            <Col span={12}>
              <Form.Item label={t('education.admonition.guardian')} name="guardianPersonId" required>
                <GuardianSelect childId={childId} file={file} loading={loading} error={error} />
              </Form.Item>
            </Col>
          </Row>
          <Row gutter={16}>
            <Col span={8}>
              <Form.Item label={t('education.admonition.date')} name="date" required {...dateItem}>
                <DatePicker format={DATE_FORMAT} disabledDate={afterToday} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col span={16}>
              <Form.Item label={t('education.admonition.place')} name="place" required>
                <Input maxLength={100} placeholder={t('education.admonition.placePlaceholder')} />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item label={t('education.admonition.reason')} name="reason" required>
            <Input.TextArea
              rows={4}
              maxLength={1000}
              showCount
              placeholder={t('education.admonition.reasonPlaceholder')}
            />
          </Form.Item>
          <Row gutter={16}>
            <Col span={12}>
              <Form.Item label={t('education.admonition.deliveredBy')} name="deliveredBy" required>
                <Input maxLength={40} />
              </Form.Item>
            </Col>
          </Row>
        </Card>
        <Flex gap={8} style={{ marginTop: 16 }}>
          <Button type="primary" htmlType="submit" loading={submitting}>
            {t('education.admonition.submit')}
          </Button>
          <Button onClick={() => navigate(-1)}>{t('app.common.cancel')}</Button>
        </Flex>
      </PageForm>
    </>
  );
}
