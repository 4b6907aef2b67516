import type { ApiOutput } from '../api/client';

export type AttachmentView = ApiOutput<'attachments.forRecord'>[number];
