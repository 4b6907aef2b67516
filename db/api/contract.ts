// The one API contract: every method the UI can call, assembled from the areas. The
// renderer derives its typed client from this module's types only.
import { policyMethods } from '../access/handlers';
import { accountMethods, sessionMethods } from '../accounts/handlers';
import { attachmentMethods } from '../attachments/handlers';
import { auditMethods } from '../audit/handlers';
import { backupMethods } from '../backup/handlers';
import { calendarMethods } from '../calendar/handlers';
import { childrenMethods } from '../children/handlers';
import { relationMethods } from '../children/relations';
import { counsellingMethods } from '../counselling/handlers';
import { documentMethods } from '../documents/handlers';
import { educationMethods } from '../education/handlers';
import { exportMethods } from '../exports/handlers';
import { ledgerMethods } from '../ledger/handlers';
import { orderMethods } from '../orders/handlers';
import { outreachMethods } from '../outreach/handlers';
import { referralMethods } from '../referrals/handlers';
import { reliefMethods } from '../relief/handlers';
import { reminderMethods } from '../reminders/handlers';
import { mandatoryReportMethods } from '../reports/handlers';
import { settingsMethods } from '../settings/handlers';
import { statsMethods } from '../stats/handlers';
import { suitMethods } from '../suits/handlers';
import { visitMethods } from '../visits/handlers';

export const contract = {
  ...sessionMethods,
  ...accountMethods,
  ...settingsMethods,
  ...calendarMethods,
  ...auditMethods,
  ...backupMethods,
  ...childrenMethods,
  ...relationMethods,
  ...referralMethods,
  ...educationMethods,
  ...orderMethods,
  ...counsellingMethods,
  ...visitMethods,
  ...mandatoryReportMethods,
  ...outreachMethods,
  ...reminderMethods,
  ...documentMethods,
  ...policyMethods,
  ...ledgerMethods,
  ...exportMethods,
  ...statsMethods,
  ...reliefMethods,
  ...suitMethods,
  ...attachmentMethods,
};

export type Contract = typeof contract;
export type MethodName = keyof Contract;
