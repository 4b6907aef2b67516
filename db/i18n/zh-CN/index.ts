// zh-CN, assembled from one file per area so areas can grow without touching each other.
import { access } from './access';
import { accounts } from './accounts';
import { app } from './app';
import { attachments } from './attachments';
import { audit } from './audit';
import { backup } from './backup';
import { calendar } from './calendar';
import { children } from './children';
import { codes } from './codes';
import { counselling } from './counselling';
import { documents } from './documents';
import { education } from './education';
import { errors } from './errors';
import { ledger } from './ledger';
import { mandatoryReports } from './mandatoryReports';
import { orders } from './orders';
import { outreach } from './outreach';
import { referrals } from './referrals';
import { relief } from './relief';
import { reminders } from './reminders';
import { settings } from './settings';
import { shell } from './shell';
import { stats } from './stats';
import { suits } from './suits';
import { timeline } from './timeline';
import { validation } from './validation';
import { visits } from './visits';

export const zhCN = {
  app,
  errors,
  validation,
  codes,
  documents,
  access,
  accounts,
  attachments,
  audit,
  backup,
  children,
  ledger,
  referrals,
  education,
  orders,
  reminders,
  counselling,
  visits,
  mandatoryReports,
  outreach,
  settings,
  calendar,
  shell,
  stats,
  timeline,
  relief,
  suits,
};
