// antd's run-time styles, kept once made. antd (through @ant-design/cssinjs) counts the mounted
// users of each component's style and drops the computed style when the last one unmounts, so
// opening 儿童档案 a second time compiled the styles of its selects, inputs and pagination again
// (a third of the page's own time on each open, issue 19 #6). This cache keeps an entry at zero
// users instead of deleting it: the next mount reuses it, and cssinjs's mount effect puts the
// <style> back if a removal took it away. The entries are one per component and theme, a few
// hundred at most.
import { createCache } from '@ant-design/cssinjs';

export function keepingStyleCache(): ReturnType<typeof createCache> {
  const cache = createCache();
  const opUpdate = cache.opUpdate.bind(cache);
  cache.opUpdate = (key, valueFn) =>
    opUpdate(key, (prev) => {
      const next = valueFn(prev);
      return next === null && prev ? [0, prev[1]] : next;
    });
  return cache;
}
