// 附件: the paper trail kept with a record (issue 20).

/** 送达回证 知情同意书 判决书 照片 其他 */
export const ATTACHMENT_KINDS = ['deliveryReceipt', 'consent', 'judgment', 'photo', 'other'] as const;
export type AttachmentKind = (typeof ATTACHMENT_KINDS)[number];

/**
 * The records a caseworker would look for paper behind. The three counselling kinds are
 * restricted like the counselling notes (COUNSELLING_RECORD_KINDS).
 */
export const RECORD_KINDS = [
  'child', // 儿童档案
  'relative', // 亲属 (persons)
  'custody', // 羁押情况
  'referral', // 线索
  'referralAction', // 分流处置
  'order', // 督促监护令 (its 送达 step asks for the 送达回证)
  'admonition', // 训诫
  'plan', // 家庭教育指导方案
  'assessment', // 心理测评 (知情同意书)
  'counsellingSession', // 心理疏导
  'treatment', // 转介就医
  'visit', // 走访
] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

export const COUNSELLING_RECORD_KINDS: readonly RecordKind[] = [
  'assessment',
  'counsellingSession',
  'treatment',
];
export const isCounsellingKind = (k: RecordKind) => COUNSELLING_RECORD_KINDS.includes(k);

/** What a file is, by its first bytes (rules.ts), never by the name it came with. */
export const FILE_TYPES = ['pdf', 'jpeg', 'png', 'doc', 'docx'] as const;
export type FileType = (typeof FILE_TYPES)[number];

export const MIME: Record<FileType, string> = {
  pdf: 'application/pdf',
  jpeg: 'image/jpeg',
  png: 'image/png',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

/** Shown in the app (images from memory, PDFs in the viewer); Word files are only saved out. */
export const VIEWABLE: readonly FileType[] = ['pdf', 'jpeg', 'png'];
export const IMAGE_TYPES: readonly FileType[] = ['jpeg', 'png'];
/** What a referral summary can carry after its pages: a PDF's pages, an image on a page of its own. */
export const APPENDABLE: readonly FileType[] = ['pdf', 'jpeg', 'png'];

/** 附件大小上限 (MB), a setting. */
export const DEFAULT_ATTACHMENT_MAX_MB = 20;
export const MAX_ATTACHMENT_MAX_MB = 100;
/** At most this many files in one drop. */
export const MAX_FILES_PER_ADD = 20;
/**
 * Bytes per chunk row. 512 KiB keeps a 20 MB scan at 40 rows: few enough to write in one
 * transaction quickly, small enough that reading a thumbnail never drags a whole scan in.
 */
export const CHUNK_BYTES = 512 * 1024;
/** A thumbnail the renderer made: small, or it is not a thumbnail. */
export const MAX_THUMBNAIL_BYTES = 256 * 1024;
