// The error codes the renderer can act on. Messages are Chinese and safe to show;
// anything internal (stacks, SQL) goes to the log only.
export type ErrorCode = 'VALIDATION' | 'NOT_FOUND' | 'CONFLICT' | 'LOCKED' | 'FORBIDDEN' | 'INTERNAL';

/**
 * Why a CONFLICT happened, where the screen acts differently on each: a look-alike child to
 * confirm, a record someone else saved in between, or a long call (an import) the user
 * cancelled. The screen reads this, never the message.
 */
export type ErrorReason = 'possibleDuplicate' | 'staleVersion' | 'cancelled';

export interface ApiErrorBody {
  code: ErrorCode;
  message: string;
  reason?: ErrorReason;
  /** Field path (dot-joined) → message, for VALIDATION errors shown beside a form field. */
  fields?: Record<string, string>;
}

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiErrorBody };

export class ApiError extends Error {
  /**
   * An audit row to keep even though the call fails: the write transaction rolls back with the
   * error, so the dispatcher writes this one afterwards in its own (a refusal is audited).
   * Refusals are made by `refusal()` in db/access/policy.ts, the one helper for them.
   */
  auditEntry?: {
    action: string;
    entity?: string;
    entityId?: string | null;
    detail?: Record<string, unknown>;
  };

  reason?: ErrorReason;

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: Record<string, string>,
    cause?: unknown,
  ) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = 'ApiError';
  }

  /** A CONFLICT with its reason, for the screens that tell one kind from another. */
  static conflict(reason: ErrorReason, message: string): ApiError {
    const err = new ApiError('CONFLICT', message);
    err.reason = reason;
    return err;
  }

  toBody(): ApiErrorBody {
    return {
      code: this.code,
      message: this.message,
      ...(this.fields ? { fields: this.fields } : {}),
      ...(this.reason ? { reason: this.reason } : {}),
    };
  }
}
