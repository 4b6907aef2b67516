// The children area: the list and the register form.
export const children = {
  title: '儿童档案',
  fields: {
    name: '姓名',
    gender: '性别',
    birthDate: '出生日期',
    idNumber: '公民身份号码',
    township: '乡镇（街道）',
    village: '村（居）',
    school: '学校',
    status: '状态',
  },
  gender: {
    male: '男',
    female: '女',
  },
  status: {
    active: '在册',
    closed: '结案',
  },
  list: {
    searchLabel: '搜索儿童',
    searchPlaceholder: '输入姓名、公民身份号码、学校或村（居）',
    birthAndAge: '出生日期/年龄',
    age: '（{age}岁）',
    noIdNumber: '未登记',
    total: '共 {total} 名儿童',
    empty: '尚未登记儿童。点击“登记儿童”添加第一名。',
    emptySearch: '没有找到符合条件的儿童',
  },
  register: {
    button: '登记儿童',
    title: '登记儿童',
    submit: '登记',
    done: '已登记',
    namePlaceholder: '儿童姓名',
    birthDatePlaceholder: '年-月-日',
    idNumberHint: '选填。未满16周岁的儿童可能尚未办理身份证，可参照户口簿填写；没有可留空。',
    idNumberPlaceholder: '18位号码',
    townshipPlaceholder: '请选择乡镇（街道）',
    optional: '选填',
  },
};
