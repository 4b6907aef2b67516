// UI strings of the education area.
export const education = {};
