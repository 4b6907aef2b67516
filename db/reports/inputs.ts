import { z } from 'zod';
import { dateText, editInput, optionalText, requiredText } from '../common/inputs';
import { t } from '../i18n';
import { REPORT_STATUSES, REPORTER_KINDS, TRIGGERS } from './codes';

const id = z.string().min(1);

/** The fields of the report itself, shared by the form (client-side check) and the API. */
export const reportFields = {
  reporterUnit: requiredText(100, 'mandatoryReports.validation.reporterUnitRequired'),
  reporterKind: z.enum(REPORTER_KINDS, { error: t('mandatoryReports.validation.reporterKindRequired') }),
  reporterName: requiredText(40, 'mandatoryReports.validation.reporterNameRequired'),
  reporterContact: optionalText(60),
  learnedDate: dateText('mandatoryReports.validation.learnedDateRequired'),
  reportedDate: dateText('mandatoryReports.validation.reportedDateRequired'),
  trigger: z.enum(TRIGGERS, { error: t('mandatoryReports.validation.triggerRequired') }),
  situation: requiredText(4000, 'mandatoryReports.validation.situationRequired'),
  policeStation: optionalText(60),
  childIds: z
    .array(id)
    .min(1, t('mandatoryReports.validation.childrenRequired'))
    .max(20)
    .transform((ids) => [...new Set(ids)]),
};

// The report follows learning: a report dated before the reporter knew is a typing mistake.
// Checked whenever both dates are there (`when`), even if other fields are still wrong.
const reportAfterLearning = {
  check: (v: { learnedDate: string; reportedDate: string }) => v.reportedDate >= v.learnedDate,
  params: {
    path: ['reportedDate'],
    message: t('mandatoryReports.validation.reportedBeforeLearned'),
    when: (p: { value: unknown }) => {
      const v = p.value as { learnedDate?: unknown; reportedDate?: unknown } | null;
      return typeof v?.learnedDate === 'string' && typeof v?.reportedDate === 'string';
    },
  },
};

export const reportCreateInput = z
  .object(reportFields)
  .refine(reportAfterLearning.check, reportAfterLearning.params);
export const reportUpdateInput = editInput(reportFields).refine(
  reportAfterLearning.check,
  reportAfterLearning.params,
);
export const reportIdInput = z.object({ id });
export const reportStepInput = editInput();

export const reportActionInput = editInput({
  date: dateText(),
  action: requiredText(2000, 'mandatoryReports.validation.actionRequired'),
});
export const reportFileInput = editInput({
  policeCaseNumber: requiredText(60, 'mandatoryReports.validation.policeCaseNumberRequired'),
  filedDate: dateText(),
});
export const reportHandleInput = editInput({
  disposition: requiredText(2000, 'mandatoryReports.validation.dispositionRequired'),
  handledDate: dateText(),
});
export const reportCloseInput = editInput({
  outcome: requiredText(2000, 'mandatoryReports.validation.outcomeRequired'),
  closedDate: dateText(),
});
export const reportVoidInput = editInput({
  reason: requiredText(500, 'mandatoryReports.validation.voidReasonRequired'),
});

export const REPORT_VIEWS = ['open', ...REPORT_STATUSES, 'all'] as const;

/** The register's filters; the export takes the same ones without paging. */
export const reportFilterFields = {
  status: z.enum(REPORT_VIEWS).default('open'),
  trigger: z.enum(TRIGGERS).nullish(),
  /** 报告日期 from / to, inclusive. */
  from: z.string().nullish(),
  to: z.string().nullish(),
};
export const reportListInput = z.object({
  ...reportFilterFields,
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(200).default(50),
});
export const reportExportInput = z.object(reportFilterFields);
export type ReportFilters = z.output<typeof reportExportInput>;
