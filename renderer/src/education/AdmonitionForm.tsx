import { Card, Form } from 'antd';
import { useCallback, useMemo } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { type Catalog, t } from '../../../db/i18n';
import { api } from '../api/client';
import { ChildField, GuardianSelect, useFormChild } from '../children/pickers';
import { todayText } from '../common/dates';
import { BackLink } from '../common/empty';
import { FormButtons, FormPageTop } from '../common/FormPage';
import { DateField, FieldRow, fieldsIn, TextAreaField, TextField } from '../common/fields';
import { PageForm } from '../common/PageForm';
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

type Key = keyof Catalog['education']['admonition'];
const a = (k: Key) => t(`education.admonition.${k}`);
const field = fieldsIn((name: Key & keyof AdmonitionValues) => a(name));

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
      <FormPageTop
        back={<BackLink to="/education?view=admonitions" label={t('education.page.back')} />}
        title={t('education.admonition.title')}
        intro={t('education.admonition.intro')}
      />
      <PageForm<AdmonitionValues>
        form={form}
        onFinish={onFinish}
        initialValues={initialValues}
        failure={failure}
        maxWidth={860}
      >
        <Card size="small">
          <FieldRow>
            <ChildField
              label={t('education.fields.child')}
              selectedLabel={file?.profile.name}
              onPicked={() => form.setFieldsValue({ guardianPersonId: null })}
            />
            <Form.Item label={a('guardian')} name="guardianPersonId" required>
              <GuardianSelect childId={childId} file={file} loading={loading} error={error} />
            </Form.Item>
          </FieldRow>
          <FieldRow spans={[8, 16]}>
            <DateField {...field('date')} required width="100%" />
            <TextField {...field('place')} required maxLength={100} placeholder={a('placePlaceholder')} />
          </FieldRow>
          <TextAreaField
            {...field('reason')}
            required
            rows={4}
            count={1000}
            placeholder={a('reasonPlaceholder')}
          />
          <FieldRow>
            <TextField {...field('deliveredBy')} required maxLength={40} />
          </FieldRow>
        </Card>
        <FormButtons
          submitting={submitting}
          saveLabel={a('submit')}
          cancelLabel={t('app.common.cancel')}
          onCancel={() => navigate(-1)}
          style={{ marginTop: 16 }}
        />
      </PageForm>
    </>
  );
}
