export * from "./affiliate.js"
export * from "./messaging.js"
export type * from "./http/index.js"
