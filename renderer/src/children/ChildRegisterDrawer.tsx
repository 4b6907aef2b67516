import { Button, DatePicker, Drawer, Flex, Form, Input, Radio, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useCallback, useMemo } from 'react';
import { TOWNSHIPS } from '../../../db/children/inputs';
import { api } from '../api/client';
import { FormAlert } from '../common/FormAlert';
import { useApiForm } from '../common/useApiForm';
import { t } from '../i18n';
import type { ChildCreateInput } from './types';

/** Form values use the API's field names and shapes, so API field errors land on them. */
interface RegisterValues {
  name: string;
  gender: ChildCreateInput['gender'];
  birthDate: string;
  idNumber?: string;
  township: ChildCreateInput['township'];
  village?: string;
  school?: string;
}

const DATE_FORMAT = 'YYYY-MM-DD';

function blankToNull(v: string | undefined): string | null {
  const s = v?.trim() ?? '';
  return s === '' ? null : s;
}

export function ChildRegisterDrawer({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: () => void;
}) {
  const [form] = Form.useForm<RegisterValues>();
  const call = useCallback(
    (v: RegisterValues) =>
      api('children.create', {
        name: v.name.trim(),
        gender: v.gender,
        birthDate: v.birthDate,
        idNumber: blankToNull(v.idNumber),
        township: v.township,
        village: blankToNull(v.village),
        school: blankToNull(v.school),
      }),
    [],
  );
  const onSuccess = useCallback(() => {
    form.resetFields();
    onClose();
    onCreated();
  }, [form, onClose, onCreated]);
  const { onFinish, submitting, failure, clearFailure } = useApiForm(form, call, {
    successMessage: t('children.register.done'),
    onSuccess,
  });
  const townships = useMemo(() => TOWNSHIPS.map((name) => ({ value: name, label: name })), []);

  const close = () => {
    clearFailure();
    onClose();
  };

  return (
    <Drawer
      title={t('children.register.title')}
      open={open}
      onClose={close}
      size={480}
      destroyOnHidden
      footer={
        <Flex justify="end" gap={8}>
          <Button onClick={close}>{t('app.common.cancel')}</Button>
          <Button type="primary" loading={submitting} onClick={() => form.submit()}>
            {t('children.register.submit')}
          </Button>
        </Flex>
      }
    >
      <FormAlert failure={failure} />
      <Form form={form} layout="vertical" onFinish={onFinish} autoComplete="off">
        <Form.Item
          label={t('children.fields.name')}
          name="name"
          rules={[{ required: true, whitespace: true, message: t('validation.child.nameRequired') }]}
        >
          <Input placeholder={t('children.register.namePlaceholder')} maxLength={50} autoFocus />
        </Form.Item>
        <Form.Item
          label={t('children.fields.gender')}
          name="gender"
          rules={[{ required: true, message: t('validation.child.genderRequired') }]}
        >
          <Radio.Group
            options={[
              { value: 'male', label: t('children.gender.male') },
              { value: 'female', label: t('children.gender.female') },
            ]}
          />
        </Form.Item>
        <Form.Item
          label={t('children.fields.birthDate')}
          name="birthDate"
          rules={[{ required: true, message: t('validation.child.birthDateRequired') }]}
          // The picker works in dayjs; the form keeps the API's 'YYYY-MM-DD' text.
          getValueProps={(v?: string) => ({ value: v ? dayjs(v, DATE_FORMAT) : null })}
          normalize={(d: Dayjs | null) => (d ? d.format(DATE_FORMAT) : undefined)}
        >
          <DatePicker
            format={DATE_FORMAT}
            placeholder={t('children.register.birthDatePlaceholder')}
            disabledDate={(d) => d.isAfter(dayjs(), 'day')}
            style={{ width: '100%' }}
          />
        </Form.Item>
        <Form.Item
          label={t('children.fields.idNumber')}
          name="idNumber"
          extra={t('children.register.idNumberHint')}
        >
          <Input placeholder={t('children.register.idNumberPlaceholder')} maxLength={18} />
        </Form.Item>
        <Form.Item
          label={t('children.fields.township')}
          name="township"
          rules={[{ required: true, message: t('validation.child.townshipRequired') }]}
        >
          <Select showSearch options={townships} placeholder={t('children.register.townshipPlaceholder')} />
        </Form.Item>
        <Form.Item label={t('children.fields.village')} name="village">
          <Input placeholder={t('children.register.optional')} maxLength={50} />
        </Form.Item>
        <Form.Item label={t('children.fields.school')} name="school">
          <Input placeholder={t('children.register.optional')} maxLength={100} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
