import { Button, Flex, Modal, type TableColumnsType, Tag, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { t } from '../../../db/i18n';
import { InfoNote } from '../common/InfoNote';
import { labelOr } from '../common/labels';
import { ShortTable } from '../common/ShortTable';
import { idAndPlaceColumns, StatusTag } from './parts';
import type { DuplicateCandidate } from './types';

/** The children a new or edited profile may duplicate, each with why and a way to open it. */
export function DuplicateList({ candidates }: { candidates: DuplicateCandidate[] }) {
  const navigate = useNavigate();
  const columns: TableColumnsType<DuplicateCandidate> = [
    { title: t('children.fields.name'), dataIndex: 'name', key: 'name' },
    { title: t('children.fields.birthDate'), dataIndex: 'birthDate', key: 'birthDate' },
    ...idAndPlaceColumns<DuplicateCandidate>(),
    {
      title: t('children.fields.status'),
      dataIndex: 'status',
      key: 'status',
      render: (s: DuplicateCandidate['status']) => <StatusTag status={s} />,
    },
    {
      title: t('children.duplicates.reasonsLabel'),
      dataIndex: 'reasons',
      key: 'reasons',
      render: (reasons: DuplicateCandidate['reasons']) => (
        <Flex gap={4} wrap>
          {reasons.map((r) => (
            <Tag key={r} color={r === 'sameIdNumber' ? 'red' : 'orange'} style={{ marginInlineEnd: 0 }}>
              {labelOr(`children.duplicates.reasons.${r}`, r)}
            </Tag>
          ))}
        </Flex>
      ),
    },
    {
      title: '',
      key: 'open',
      render: (_, row) => (
        <Button
          size="small"
          onClick={() => navigate(`/children/${row.id}`)}
          aria-label={`${t('children.duplicates.open')} ${row.name}`}
        >
          {t('children.duplicates.open')}
        </Button>
      ),
    },
  ];
  // A match by number alone on a file this reader may not see: the API says only that it exists.
  const hidden = candidates.some((c) => c.hidden);
  const shown = candidates.filter((c) => !c.hidden);
  return (
    <>
      {hidden && <InfoNote type="error" title={t('children.duplicates.hiddenIdMatch')} gap={8} />}
      {shown.length > 0 && (
        <ShortTable<DuplicateCandidate> columns={columns} rows={shown} scroll={{ x: 'max-content' }} />
      )}
    </>
  );
}

export function hasSameIdNumber(candidates: DuplicateCandidate[]): boolean {
  return candidates.some((c) => c.reasons.includes('sameIdNumber'));
}

/**
 * Asked before saving: open the existing file, go back, or save anyway. A same-ID match
 * cannot be saved anyway (the core refuses it), so that choice is not offered then.
 */
export function DuplicateModal({
  candidates,
  mode,
  saving,
  onProceed,
  onClose,
}: {
  candidates: DuplicateCandidate[] | null;
  mode: 'create' | 'edit';
  saving: boolean;
  onProceed: () => void;
  onClose: () => void;
}) {
  const blocked = candidates ? hasSameIdNumber(candidates) : false;
  return (
    <Modal
      title={t('children.duplicates.title')}
      open={candidates !== null}
      onCancel={onClose}
      width={920}
      destroyOnHidden
      footer={
        <Flex justify="end" gap={8}>
          <Button onClick={onClose}>{t('children.duplicates.back')}</Button>
          {!blocked && (
            <Button type="primary" danger loading={saving} onClick={onProceed}>
              {mode === 'create'
                ? t('children.duplicates.proceedCreate')
                : t('children.duplicates.proceedEdit')}
            </Button>
          )}
        </Flex>
      }
    >
      <Typography.Paragraph>{t('children.duplicates.intro')}</Typography.Paragraph>
      {blocked && <InfoNote type="error" title={t('children.duplicates.sameIdBlocked')} gap={12} />}
      <DuplicateList candidates={candidates ?? []} />
    </Modal>
  );
}
