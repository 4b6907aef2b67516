import { z } from 'zod';
import {
  dateText,
  editInput,
  optionalDate,
  optionalText,
  requiredText,
  versionField,
} from '../common/inputs';
import { t } from '../i18n';

export const requirementItem = z.object({
  text: requiredText(300, 'validation.followUp.requirementRequired'),
  dueDate: optionalDate(),
});

export const requirementStatusFields = {
  requirementId: z.string().min(1),
  requirementVersion: versionField,
  status: z.enum(['pending', 'met', 'partlyMet', 'notMet']),
  note: optionalText(500),
};

export const followUpFields = {
  date: dateText(),
  method: z.enum(['visit', 'phone', 'atOffice'], { error: t('validation.followUp.methodRequired') }),
  findings: requiredText(2000, 'validation.followUp.findingsRequired'),
  compliance: z
    .enum(['good', 'fair', 'poor'])
    .nullish()
    .transform((v) => v ?? null),
  nextDate: optionalDate(),
  /** Statuses of the subject's requirements as found at this follow-up. */
  requirementStatuses: z
    .array(editInput({ status: z.enum(['pending', 'met', 'partlyMet', 'notMet']), note: optionalText(500) }))
    .default([]),
};
