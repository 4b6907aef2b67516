import { ArrowLeftOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Flex, Form, Row, Typography } from 'antd';
import { type ReactNode, useCallback, useMemo } from 'react';
import { Link, useNavigate } from 'react-router';
import { t } from '../../../db/i18n';
import { api } from '../api/client';
import { todayText } from '../common/dates';
import { FormAlert } from '../common/FormAlert';
import { blankToNull, keepEnterFromSubmitting } from '../common/forms';
import { PageHeader } from '../common/PageHeader';
import { useApiForm } from '../common/useApiForm';
import { ChildEntryFields, type ChildEntryValues, toNamedChild } from './ChildEntryFields';
import {
  DetainedEntryFields,
  type DetainedEntryValues,
  detainedName,
  toDetained,
} from './DetainedEntryFields';
import {
  CaseNumberField,
  DepartmentField,
  ReceivedDateField,
  SummaryField,
  UrgencyField,
  useReferralLists,
} from './shared';
import type { ReferralView } from './types';

/** Form values use the API's field names, so `children.0.child.name` lands on its field. */
interface IntakeValues {
  sourceDepartment: string;
  sourceCaseNumber?: string;
  receivedDate: string;
  urgency: 'normal' | 'urgent';
  summary?: string;
  detained?: DetainedEntryValues[];
  children?: ChildEntryValues[];
}

export function ReferralIntake() {
  const [form] = Form.useForm<IntakeValues>();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const { departments } = useReferralLists();
  const detained = Form.useWatch('detained', form) as DetainedEntryValues[] | undefined;
  const guardianNames = useMemo(
    () => (detained ?? []).map(detainedName).filter((n): n is string => n !== null),
    [detained],
  );

  const call = useCallback(
    (v: IntakeValues) =>
      api('referrals.create', {
        sourceDepartment: v.sourceDepartment,
        sourceCaseNumber: blankToNull(v.sourceCaseNumber),
        receivedDate: v.receivedDate,
        summary: blankToNull(v.summary),
        urgency: v.urgency,
        detained: (v.detained ?? []).map(toDetained),
        children: (v.children ?? []).map(toNamedChild),
      }),
    [],
  );
  const onSuccess = useCallback(
    (r: ReferralView) => {
      message.success(t('referrals.intake.done', { number: r.number }));
      navigate(`/referrals/${r.id}`);
    },
    [message, navigate],
  );
  const { onFinish, submitting, failure } = useApiForm(form, call, { onSuccess });

  const initialValues = useMemo<Partial<IntakeValues>>(
    () => ({
      receivedDate: todayText(),
      urgency: 'normal',
      detained: [{ mode: 'new', isGuardian: true }],
      children: [{ mode: 'existing' }],
    }),
    [],
  );

  return (
    <>
      <Link to="/referrals">
        <ArrowLeftOutlined aria-hidden /> {t('referrals.intake.back')}
      </Link>
      <div style={{ height: 8 }} />
      <PageHeader title={t('referrals.intake.title')} />
      <FormAlert failure={failure} />
      <Form<IntakeValues>
        form={form}
        layout="vertical"
        onFinish={onFinish}
        initialValues={initialValues}
        autoComplete="off"
        onKeyDown={keepEnterFromSubmitting}
        scrollToFirstError={{ block: 'center' }}
      >
        <Flex vertical gap={16}>
          <Card title={t('referrals.intake.basics')}>
            <Row gutter={16}>
              <Col xs={24} md={8}>
                <DepartmentField
                  options={departments}
                  placeholder={t('referrals.intake.departmentPlaceholder')}
                />
              </Col>
              <Col xs={24} md={8}>
                <CaseNumberField />
              </Col>
              <Col xs={12} md={4}>
                <ReceivedDateField />
              </Col>
              <Col xs={12} md={4}>
                <UrgencyField />
              </Col>
            </Row>
            <SummaryField placeholder={t('referrals.intake.summaryPlaceholder')} last />
          </Card>

          <Card title={t('referrals.intake.childrenTitle')}>
            <Typography.Paragraph type="secondary">{t('referrals.intake.childrenHint')}</Typography.Paragraph>
            <Form.List
              name="children"
              rules={[
                {
                  validator: async (_, list?: unknown[]) => {
                    if (!list || list.length === 0) throw new Error(t('referrals.intake.childrenRequired'));
                  },
                },
              ]}
            >
              {(fields, { add, remove }, { errors }) => (
                <Flex vertical gap={16}>
                  {fields.map((field, i) => (
                    <EntryCard
                      key={field.key}
                      title={t('referrals.intake.childN', { n: i + 1 })}
                      testId={`child-entry-${i}`}
                      onRemove={fields.length > 1 ? () => remove(field.name) : undefined}
                    >
                      <ChildEntryFields
                        name={[field.name]}
                        path={['children', field.name]}
                        guardianNames={guardianNames}
                      />
                    </EntryCard>
                  ))}
                  <Form.ErrorList errors={errors} />
                  <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ mode: 'existing' })}>
                    {t('referrals.intake.addChild')}
                  </Button>
                </Flex>
              )}
            </Form.List>
          </Card>

          <Card title={t('referrals.intake.detainedTitle')}>
            <Typography.Paragraph type="secondary">{t('referrals.intake.detainedHint')}</Typography.Paragraph>
            <Form.List name="detained">
              {(fields, { add, remove }) => (
                <Flex vertical gap={16}>
                  {fields.map((field, i) => (
                    <EntryCard
                      key={field.key}
                      title={t('referrals.intake.detainedN', { n: i + 1 })}
                      testId={`detained-entry-${i}`}
                      onRemove={() => remove(field.name)}
                    >
                      <DetainedEntryFields name={[field.name]} path={['detained', field.name]} />
                    </EntryCard>
                  ))}
                  <Button
                    type="dashed"
                    icon={<PlusOutlined />}
                    onClick={() => add({ mode: 'new', isGuardian: true })}
                  >
                    {t('referrals.intake.addDetained')}
                  </Button>
                </Flex>
              )}
            </Form.List>
          </Card>

          <Flex justify="end" gap={8}>
            <Button onClick={() => navigate('/referrals')}>{t('app.common.cancel')}</Button>
            <Button type="primary" htmlType="submit" loading={submitting}>
              {t('referrals.intake.submit')}
            </Button>
          </Flex>
        </Flex>
      </Form>
    </>
  );
}

/** One person the referral names, in a card of its own with the way to take it out again. */
function EntryCard({
  title,
  testId,
  onRemove,
  children,
}: {
  title: string;
  testId: string;
  /** Without it the entry stays (the referral's only child). */
  onRemove?: () => void;
  children: ReactNode;
}) {
  return (
    <Card
      type="inner"
      size="small"
      title={title}
      data-testid={testId}
      extra={
        onRemove ? (
          <Button type="text" size="small" icon={<DeleteOutlined />} onClick={onRemove}>
            {t('referrals.intake.remove')}
          </Button>
        ) : null
      }
    >
      {children}
    </Card>
  );
}
