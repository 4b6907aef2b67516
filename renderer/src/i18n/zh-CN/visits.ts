// UI strings of the visits area.
export const visits = {
  needSource: '{date}走访发现',
};
