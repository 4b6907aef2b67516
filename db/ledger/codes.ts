// The fields a ledger column can be mapped to, and the header names studios have used for
// each (the list, plus the spellings seen beside them). Codes are stored in saved
// mappings; the catalog (ledger.fields.*) gives their Chinese labels.

/** A child's details besides who the child is: what a ledger row may add to a file that exists. */
const CHILD_DETAILS = [
  'idNumber',
  'ethnicity',
  'householdAddress',
  'currentAddress',
  'township',
  'village',
  'school',
  'grade',
  'healthNotes',
] as const;

export const CHILD_FIELDS = ['name', 'gender', 'birthDate', ...CHILD_DETAILS] as const;

export const GUARDIAN_FIELDS = ['guardianName', 'guardianRelation', 'guardianPhone'] as const;

export const PARENT_FIELDS = [
  'fatherName',
  'fatherIdNumber',
  'fatherFacility',
  'fatherTerm',
  'fatherCustodyStart',
  'fatherRelease',
  'motherName',
  'motherIdNumber',
  'motherFacility',
  'motherTerm',
  'motherCustodyStart',
  'motherRelease',
] as const;

export const LEDGER_FIELDS = [...CHILD_FIELDS, ...GUARDIAN_FIELDS, ...PARENT_FIELDS] as const;
export type LedgerField = (typeof LEDGER_FIELDS)[number];
export type ChildField = (typeof CHILD_FIELDS)[number];

/** What a caseworker may take from a ledger row into a file that already exists. */
export const MERGE_FIELDS = [...CHILD_DETAILS, 'relatives'] as const;
export type MergeField = (typeof MERGE_FIELDS)[number];

/**
 * Header names by field, compared after normalising (full-width to half-width, no spaces or
 * brackets). A father's and mother's columns are told apart by a 父/母 prefix.
 */
export const HEADER_NAMES: Record<LedgerField, readonly string[]> = {
  name: ['姓名', '儿童姓名', '未成年人姓名', '学生姓名', '子女姓名'],
  gender: ['性别', '儿童性别'],
  birthDate: ['出生日期', '出生年月', '出生年月日', '生日', '出生时间'],
  idNumber: ['身份证号', '身份证号码', '公民身份号码', '儿童身份证号', '身份证', '证件号码'],
  ethnicity: ['民族'],
  householdAddress: ['户籍地', '户籍地址', '户籍所在地', '户口所在地'],
  currentAddress: ['现住址', '家庭住址', '住址', '居住地址', '现居住地'],
  township: ['乡镇', '街道', '所在乡镇', '乡镇街道', '乡镇(街道)', '所属乡镇', '镇街'],
  village: ['村', '村居', '所在村', '村(居)', '村(社区)', '社区', '村居委会'],
  school: ['学校', '就读学校', '所在学校'],
  grade: ['年级', '班级', '年级班级'],
  healthNotes: ['健康状况', '身体状况'],
  guardianName: ['监护人', '实际监护人', '监护人姓名', '照料人', '实际照料人'],
  guardianRelation: ['与儿童关系', '监护人关系', '与监护人关系', '关系'],
  guardianPhone: ['联系电话', '电话', '监护人电话', '联系方式', '手机号'],
  fatherName: ['父亲姓名', '父亲'],
  fatherIdNumber: ['父亲身份证号', '父亲身份证号码', '父亲公民身份号码'],
  fatherFacility: ['父亲羁押场所', '父亲服刑场所', '父亲羁押地点'],
  fatherTerm: ['父亲刑期'],
  fatherCustodyStart: ['父亲羁押日期', '父亲入监日期', '父亲羁押时间'],
  fatherRelease: ['父亲预计释放日期', '父亲刑满日期', '父亲释放日期'],
  motherName: ['母亲姓名', '母亲'],
  motherIdNumber: ['母亲身份证号', '母亲身份证号码', '母亲公民身份号码'],
  motherFacility: ['母亲羁押场所', '母亲服刑场所', '母亲羁押地点'],
  motherTerm: ['母亲刑期'],
  motherCustodyStart: ['母亲羁押日期', '母亲入监日期', '母亲羁押时间'],
  motherRelease: ['母亲预计释放日期', '母亲刑满日期', '母亲释放日期'],
};

/** Words a ledger uses for "nothing here". */
export const EMPTY_MARKS = ['无', '-', '--', '/', '—', '——', '暂无', '空', '未知', 'null', 'n/a'];
