import type { z } from 'zod';
import { type Ctx, method, type ReadCtx } from '../api/define';
import { ApiError } from '../api/errors';
import { today } from '../children/model';
import { fieldError } from '../common/checks';
import { STAFF } from '../common/flow';
import { newId } from '../common/ids';
import { created, updateVersioned } from '../common/records';
import type { ExportTable } from '../common/registers';
import { transition } from '../common/transition';
import { t } from '../i18n';
import { OUTREACH_FLOW } from './codes';
import {
  outreachCancelInput,
  outreachCreateInput,
  outreachExportInput,
  outreachHoldInput,
  outreachIdInput,
  outreachListInput,
  outreachUpdateInput,
} from './inputs';
import {
  listEvents,
  loadEvent,
  type OutreachView,
  outreachExportRows,
  outreachStatusLabel,
  viewEvent,
} from './model';
import { outreachEvents } from './schema';

// 法治宣讲. The method map first; the named handlers below. No timeline source: an event names no child.
export const outreachMethods = {
  'outreach.create': method({
    input: outreachCreateInput,
    access: STAFF,
    kind: 'write',
    handler: createEvent,
  }),
  'outreach.update': method({
    input: outreachUpdateInput,
    access: STAFF,
    kind: 'write',
    handler: updateEvent,
  }),
  'outreach.get': method({ input: outreachIdInput, access: 'user', kind: 'read', handler: getEvent }),
  'outreach.list': method({ input: outreachListInput, access: 'user', kind: 'read', handler: listEvents }),
  'outreach.exportRows': method({
    input: outreachExportInput,
    access: 'user',
    kind: 'read',
    handler: exportRows,
  }),
  'outreach.hold': method({ input: outreachHoldInput, access: STAFF, kind: 'write', handler: holdEvent }),
  'outreach.cancel': method({
    input: outreachCancelInput,
    access: STAFF,
    kind: 'write',
    handler: cancelEvent,
  }),
};

function exportRows(ctx: ReadCtx, input: z.output<typeof outreachExportInput>): ExportTable {
  return outreachExportRows(ctx, input);
}

type Fields = z.output<typeof outreachCreateInput>;

function createEvent(ctx: Ctx, input: Fields): OutreachView {
  const id = newId();
  ctx.db
    .insert(outreachEvents)
    .values({ id, ...input, status: 'planned', ...created(ctx) })
    .run();
  ctx.audit.write({
    action: 'outreach.create',
    entity: 'outreach',
    entityId: id,
    detail: { topic: input.topic },
  });
  return viewEvent(ctx, id);
}

function updateEvent(ctx: Ctx, input: z.output<typeof outreachUpdateInput>): OutreachView {
  const { id, version, ...fields } = input;
  const e = loadEvent(ctx, id);
  if (e.status === 'cancelled')
    throw new ApiError(
      'VALIDATION',
      t('outreach.validation.wrongStatus', { status: outreachStatusLabel(e.status) }),
    );
  // A held event stays a fact: its date cannot move into the future, and its audience stays counted.
  if (e.status === 'held') {
    if (fields.date > today(ctx)) throw fieldError('date', t('errors.dateInFuture'));
    if (fields.audienceCount === null)
      throw fieldError('audienceCount', t('outreach.validation.audienceCount'));
  }
  updateVersioned(ctx, outreachEvents, id, version, fields);
  ctx.audit.write({ action: 'outreach.update', entity: 'outreach', entityId: id });
  return viewEvent(ctx, id);
}

function getEvent(ctx: ReadCtx, input: { id: string }): OutreachView {
  return viewEvent(ctx, input.id);
}

function holdEvent(ctx: Ctx, input: z.output<typeof outreachHoldInput>): OutreachView {
  const e = loadEvent(ctx, input.id);
  if (input.date > today(ctx)) throw fieldError('date', t('outreach.validation.heldInFuture'));
  transition(ctx, {
    table: outreachEvents,
    area: 'outreach',
    entity: 'outreach',
    flow: OUTREACH_FLOW,
    step: 'hold',
    row: e,
    version: input.version,
    patch: {
      date: input.date,
      audienceCount: input.audienceCount,
      photos: [...new Set([...e.photos, ...input.photos])],
      heldAt: ctx.clock.now(),
    },
    statusLabel: outreachStatusLabel,
    wrongStatus: 'outreach.validation.wrongStatus',
    detail: { audienceCount: input.audienceCount },
  });
  return viewEvent(ctx, e.id);
}

function cancelEvent(ctx: Ctx, input: z.output<typeof outreachCancelInput>): OutreachView {
  const e = loadEvent(ctx, input.id);
  transition(ctx, {
    table: outreachEvents,
    area: 'outreach',
    entity: 'outreach',
    flow: OUTREACH_FLOW,
    step: 'cancel',
    row: e,
    version: input.version,
    patch: { cancelReason: input.reason },
    statusLabel: outreachStatusLabel,
    wrongStatus: 'outreach.validation.wrongStatus',
  });
  return viewEvent(ctx, e.id);
}
