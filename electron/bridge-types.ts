// The whole surface the renderer gets from the preload, as `window.sunward`.
// No electron import here, so the renderer, its browser-test bridge and unit tests can share it.

/** Events main pushes to the renderer. */
export type SunwardEvent = 'locked';

export interface SunwardBridge {
  /** Calls one API method. Resolves to the API's `{ ok, value | error }` result; never rejects for API errors. */
  invoke(method: string, input: unknown): Promise<unknown>;
  /** Subscribes to a main-process event; returns the function that unsubscribes. */
  on(event: string, cb: (payload: unknown) => void): () => void;
}
