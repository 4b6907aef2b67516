// UI strings of the counselling area.
export const counselling = {};
