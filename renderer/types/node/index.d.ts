// The renderer runs in Chromium, not Node. Some libraries' typings the renderer reads through the core's
// declarations (better-sqlite3's, for the database handle the handlers take) say `/// <reference types="node" />`;
// the renderer project's typeRoots resolve that reference here, to nothing, so Node's globals (process,
// Buffer, require) stay out of the renderer's types and a renderer file that uses them fails `npm run typecheck`.
export {};
