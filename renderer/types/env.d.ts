// Vite's client types (asset and CSS imports, import.meta.env), named by path because the renderer's
// typeRoots hold only the empty `node` stand-in beside this file.
/// <reference path="../../node_modules/vite/client.d.ts" />
