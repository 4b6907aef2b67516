import { useNavigate } from 'react-router';
import { t } from '../../../db/i18n';
import { PageHeader } from '../common/PageHeader';
import { ProfileForm } from './ProfileForm';

export function ChildCreatePage() {
  const navigate = useNavigate();
  return (
    <>
      <PageHeader title={t('children.form.createTitle')} intro={t('children.form.createIntro')} />
      <ProfileForm
        mode="create"
        // The new file is where relatives and custody are added next.
        onSaved={(profile) => navigate(`/children/${profile.id}`, { replace: true })}
        onCancel={() => navigate('/children')}
      />
    </>
  );
}
