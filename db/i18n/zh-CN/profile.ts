// The words for a child's particulars, one wording wherever they stand: the child's file, the
// printed summary (个人基本情况) and the ledger import's columns. Spread into those areas' fields.
export const profileFields = {
  name: '姓名',
  gender: '性别',
  birthDate: '出生日期',
  idNumber: '公民身份号码',
  ethnicity: '民族',
  householdAddress: '户籍地',
  currentAddress: '现住址',
  township: '乡镇（街道）',
  village: '村（居）',
  school: '学校',
  grade: '年级',
};
