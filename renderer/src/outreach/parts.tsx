import { t } from '../../../db/i18n';
import type { OutreachStatus } from '../../../db/outreach/codes';
import type { ApiOutput } from '../api/client';
import { statusTag } from '../common/StatusTag';

export type OutreachView = ApiOutput<'outreach.get'>;

const STATUS_COLOR: Record<OutreachStatus, string> = { planned: 'blue', held: 'green', cancelled: 'default' };

export const OutreachStatusTag = statusTag(STATUS_COLOR, (s: OutreachStatus) => t(`outreach.status.${s}`));

/** 济阳区实验小学（学校，济阳街道） */
export function placeText(e: { placeName: string; placeKind: string; township: string }): string {
  return `${e.placeName}（${t(`outreach.placeKinds.${e.placeKind as OutreachView['placeKind']}`)}，${e.township}）`;
}
