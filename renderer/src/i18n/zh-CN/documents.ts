// Standard wording of the documents the studio issues; a caseworker may change it per document.
export const documents = {
  order: {
    legalBasis:
      '《中华人民共和国未成年人保护法》第十六条、第十七条、第一百一十八条，《中华人民共和国家庭教育促进法》第四十九条',
    consequences:
      '请你切实履行监护职责，按期落实上述要求。如拒不履行或者怠于履行监护职责，本院将依法督促有关部门对你予以训诫、责令接受家庭教育指导；情节严重的，将依法支持有关个人或者单位向人民法院申请撤销你的监护人资格。',
  },
};
