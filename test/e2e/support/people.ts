// The studio's staff as the browser tests meet them (synthetic names and passphrases).
export const ADMIN = {
  displayName: '王芳',
  username: 'wangfang',
  passphrase: 'Xiangyang-2026! violet-harbor',
};

/** The department head (部门负责人), who approves. */
export const SUPERVISOR = {
  displayName: '陈主任',
  username: 'chenzr',
  passphrase: 'Xiangyang-chen-2026 violet-harbor',
  role: 'supervisor',
};

export const CASEWORKER = {
  displayName: '李敏',
  username: 'limin',
  passphrase: 'Xiangyang-li-2026 violet-harbor',
  role: 'caseworker',
};

/** A second caseworker, where a test needs one who is not 李敏. */
export const CASEWORKER_LIU = {
  displayName: '刘洋',
  username: 'liuyang',
  passphrase: 'Xiangyang-liu-2026 violet-harbor',
  role: 'caseworker',
};

/** The child most of the studio's stories are about: a boy in 济阳街道城关村 (synthetic). */
export const XIAOMING = {
  name: '张小明',
  gender: 'male',
  birthDate: '2015-03-07',
  township: '济阳街道',
  village: '城关村',
};
