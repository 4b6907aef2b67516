import { z } from 'zod';
import { DEFAULT_ATTACHMENT_MAX_MB, MAX_ATTACHMENT_MAX_MB } from '../attachments/codes';
import { DEFAULT_BACKUP_WARN_DAYS } from '../backup/codes';
import { DEFAULT_RETENTION } from '../backup/rotation';
import { t } from '../i18n';
import { DEFAULT_ORDER_PREFIX } from '../orders/codes';
import { DEFAULT_AGENCIES, DEFAULT_SOURCE_DEPARTMENTS, DEFAULT_VERIFY_WORKDAYS } from '../referrals/codes';
import { DEFAULT_MONTHLY_WAGE_YUAN } from '../relief/codes';
import { DEFAULT_REPORT_FOLLOW_UP_DAYS } from '../reports/codes';

export const DEFAULT_IDLE_MINUTES = 10;

const list = (max: number) =>
  z
    .array(z.string().trim().min(1).max(max))
    .min(1, t('validation.settings.listEmpty'))
    .max(50)
    .transform((items) => [...new Set(items)]);

/** Every setting, its rule and its default. One table of key → JSON value stores them. */
/** A folder named from the root on any OS: /media/usb, E:\备份, or a \\server\share. */
const ABSOLUTE_PATH = /^(\/|[A-Za-z]:[\\/]|\\\\[^\\])/;

const count = (min: number, max: number, message: string) =>
  z.number({ error: message }).int(message).min(min, message).max(max, message);

export const settingsShape = {
  idleMinutes: z
    .number({ error: t('validation.settings.idleMinutes') })
    .int(t('validation.settings.idleMinutes'))
    .min(1, t('validation.settings.idleMinutes'))
    .max(120, t('validation.settings.idleMinutes')),
  /** 线索来源部门 */
  sourceDepartments: list(30),
  /** 分流单位 */
  agencies: list(30),
  /** 核查期限（工作日） */
  verifyWorkdays: z
    .number({ error: t('validation.settings.verifyWorkdays') })
    .int()
    .min(1, t('validation.settings.verifyWorkdays'))
    .max(30, t('validation.settings.verifyWorkdays')),
  /** 督促监护令文号的代字, e.g. 济阳检未督监 */
  orderPrefix: z
    .string()
    .trim()
    .regex(/^[\p{Script=Han}A-Za-z]{1,12}$/u, t('validation.settings.orderPrefix')),
  /** 备份保留：按日、按周、按月各保留几份 (db/backup/rotation.ts) */
  backupKeepDaily: count(1, 60, t('validation.settings.backupKeepDaily')),
  backupKeepWeekly: count(0, 52, t('validation.settings.backupKeepWeekly')),
  backupKeepMonthly: count(0, 120, t('validation.settings.backupKeepMonthly')),
  /** 首页 warns when the last good backup is older than this many days. */
  backupWarnDays: count(1, 90, t('validation.settings.backupWarnDays')),
  /** 第二备份位置 (a USB drive or a share); '' for none. An absolute path. */
  backupSecondFolder: z
    .string()
    .trim()
    .max(500, t('validation.settings.backupSecondFolder'))
    .refine((v) => v === '' || ABSOLUTE_PATH.test(v), t('validation.settings.backupSecondFolder')),
  /** 强制报告: days without a follow-up before a reminder */
  reportFollowUpDays: z
    .number({ error: t('settings.validation.followUpDays') })
    .int(t('settings.validation.followUpDays'))
    .min(1, t('settings.validation.followUpDays'))
    .max(90, t('settings.validation.followUpDays')),
  /** 山东省职工月平均工资（元）: 36 months of it is 国家司法救助's usual ceiling (a warning). */
  reliefMonthlyWage: z
    .number({ error: t('validation.settings.reliefMonthlyWage') })
    .int(t('validation.settings.reliefMonthlyWage'))
    .min(1000, t('validation.settings.reliefMonthlyWage'))
    .max(100000, t('validation.settings.reliefMonthlyWage')),
  /** 附件大小上限（MB）: per file (db/attachments). */
  attachmentMaxMb: count(1, MAX_ATTACHMENT_MAX_MB, t('settings.validation.attachmentMaxMb')),
};

export type Settings = { [K in keyof typeof settingsShape]: z.output<(typeof settingsShape)[K]> };

export const SETTINGS_DEFAULTS: Settings = {
  idleMinutes: DEFAULT_IDLE_MINUTES,
  sourceDepartments: DEFAULT_SOURCE_DEPARTMENTS,
  agencies: DEFAULT_AGENCIES,
  verifyWorkdays: DEFAULT_VERIFY_WORKDAYS,
  orderPrefix: DEFAULT_ORDER_PREFIX,
  backupKeepDaily: DEFAULT_RETENTION.daily,
  backupKeepWeekly: DEFAULT_RETENTION.weekly,
  backupKeepMonthly: DEFAULT_RETENTION.monthly,
  backupWarnDays: DEFAULT_BACKUP_WARN_DAYS,
  backupSecondFolder: '',
  reportFollowUpDays: DEFAULT_REPORT_FOLLOW_UP_DAYS,
  reliefMonthlyWage: DEFAULT_MONTHLY_WAGE_YUAN,
  attachmentMaxMb: DEFAULT_ATTACHMENT_MAX_MB,
};

export const settingsUpdateInput = z.object(settingsShape).partial();
