// zh-CN, assembled from one file per area so areas can grow without touching each other.
import { accounts } from './accounts';
import { app } from './app';
import { audit } from './audit';
import { children } from './children';
import { codes } from './codes';
import { counselling } from './counselling';
import { documents } from './documents';
import { education } from './education';
import { errors } from './errors';
import { orders } from './orders';
import { referrals } from './referrals';
import { relief } from './relief';
import { reminders } from './reminders';
import { settings } from './settings';
import { shell } from './shell';
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
  accounts,
  audit,
  children,
  referrals,
  education,
  orders,
  reminders,
  counselling,
  visits,
  settings,
  shell,
  timeline,
  relief,
  suits,
};
