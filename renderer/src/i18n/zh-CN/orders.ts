// UI strings of the orders area.
export const orders = {};
