// Pieces the board and the 首页 share: the kind tag and the due date read relative to today.
import { WarningFilled } from '@ant-design/icons';
import { Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { t } from '../../../db/i18n';
import type { ApiOutput } from '../api/client';
import { DATE_FORMAT, todayText } from '../common/dates';
import { labelOr } from '../common/labels';

export type Board = ApiOutput<'reminders.board'>;
export type ReminderItem = Board['groups']['overdue'][number];
export type ReminderGroup = ReminderItem['group'];
export const GROUPS: readonly ReminderGroup[] = ['overdue', 'today', 'week', 'upcoming'];

// Colours by how urgent the kind is (the API's priority); a crisis is solid red.
const KIND_COLOR: Record<string, string> = {
  counsellingFollowUp: 'magenta',
  orderFollowUp: 'purple',
  orderRequirement: 'purple',
  observationEnding: 'purple',
  referralReply: 'blue',
  referralVerify: 'blue',
  guidanceSession: 'cyan',
  planFollowUp: 'cyan',
  visitDue: 'geekblue',
  releaseSoon: 'orange',
  turning18: 'gold',
  deFactoEligible: 'volcano',
};

export function KindTag({ kind }: { kind: string }) {
  const label = labelOr(`reminders.kindTag.${kind}`, kind);
  if (kind === 'crisis') {
    return (
      <Tag
        color="red"
        variant="solid"
        icon={<WarningFilled />}
        style={{ marginInlineEnd: 0 }}
        data-kind={kind}
      >
        {label}
      </Tag>
    );
  }
  return (
    <Tag color={KIND_COLOR[kind] ?? 'default'} style={{ marginInlineEnd: 0 }} data-kind={kind}>
      {label}
    </Tag>
  );
}

export function DueText({ due }: { due: string }) {
  const days = dayjs(due, DATE_FORMAT).diff(dayjs(todayText(), DATE_FORMAT), 'day');
  const relative =
    days < 0
      ? t('reminders.board.overdueBy', { days: -days })
      : days === 0
        ? t('reminders.board.dueToday')
        : t('reminders.board.inDays', { days });
  return (
    <span style={{ whiteSpace: 'nowrap' }}>
      <span style={{ fontVariantNumeric: 'tabular-nums' }}>{due}</span>{' '}
      <Typography.Text
        type={days < 0 ? 'danger' : days === 0 ? 'warning' : 'secondary'}
        style={{ fontSize: 12 }}
      >
        {relative}
      </Typography.Text>
    </span>
  );
}
