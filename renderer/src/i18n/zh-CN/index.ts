// zh-CN, assembled from one file per area so areas can grow without touching each other.
import { accounts } from './accounts';
import { app } from './app';
import { audit } from './audit';
import { children } from './children';
import { errors } from './errors';
import { settings } from './settings';
import { validation } from './validation';

export const zhCN = { app, errors, validation, accounts, audit, children, settings };
