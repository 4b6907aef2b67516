// Small pieces the children screens share: tags and the empty value.
import { type TableColumnsType, Tag, Typography } from 'antd';
import { t } from '../../../db/i18n';
import { categoryLabel, statusLabel } from '../common/codeLabels';
import { StatusTag as CommonStatusTag } from '../common/StatusTag';

const CHILD_STATUS_COLOR = { active: 'green', closed: 'default' } as const;

export function StatusTag({ status }: { status: 'active' | 'closed' }) {
  return <CommonStatusTag status={status} colors={CHILD_STATUS_COLOR} label={statusLabel} />;
}

export function CategoryTags({ categories }: { categories: readonly string[] }) {
  if (!categories.length) {
    return <Typography.Text type="secondary">{t('children.profile.noCategories')}</Typography.Text>;
  }
  return (
    <span style={{ display: 'inline-flex', flexWrap: 'wrap', gap: 4 }}>
      {categories.map((c) => (
        <Tag key={c} color="blue" style={{ marginInlineEnd: 0 }}>
          {categoryLabel(c)}
        </Tag>
      ))}
    </span>
  );
}

/** The child's masked id number and where they live, as every list of children shows them. */
export function idAndPlaceColumns<
  R extends { idNumberMasked: string | null; township: string; village: string | null },
>(): TableColumnsType<R> {
  return [
    {
      title: t('children.fields.idNumber'),
      dataIndex: 'idNumberMasked',
      key: 'idNumber',
      render: (v: string | null) => <MaskedId value={v} />,
    },
    {
      title: t('children.list.place'),
      key: 'place',
      render: (_, row) => (row.village ? `${row.township} ${row.village}` : row.township),
    },
  ];
}

export function MaskedId({ value }: { value: string | null }) {
  return value ? (
    <span style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>{value}</span>
  ) : (
    <Typography.Text type="secondary">{t('children.common.noIdNumber')}</Typography.Text>
  );
}

/** Shown where a field is empty. */
export function orNone(value: string | null | undefined) {
  return value ? value : <Typography.Text type="secondary">{t('children.common.none')}</Typography.Text>;
}

/** A parent's release is a reminder this many days ahead (DOMAIN.md). */
export const RELEASE_SOON_DAYS = 90;
