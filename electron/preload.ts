// Runs sandboxed, so it is bundled to one CommonJS file and may only use `electron`'s
// renderer modules. It exposes `window.sunward` and nothing else: no ipcRenderer, no
// event objects, no Node.
import { contextBridge, type IpcRendererEvent, ipcRenderer } from 'electron';
import type { SunwardBridge } from './bridge-types';
import { EVENT_CHANNEL, INVOKE_CHANNEL } from './channels';

const bridge: SunwardBridge = {
  invoke(method, input) {
    return ipcRenderer.invoke(INVOKE_CHANNEL, method, input);
  },
  on(event, cb) {
    const listener = (_e: IpcRendererEvent, name: unknown, payload: unknown) => {
      if (name === event) cb(payload);
    };
    ipcRenderer.on(EVENT_CHANNEL, listener);
    return () => {
      ipcRenderer.removeListener(EVENT_CHANNEL, listener);
    };
  },
};

contextBridge.exposeInMainWorld('sunward', bridge);
