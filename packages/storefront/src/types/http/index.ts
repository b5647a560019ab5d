export * from "./affiliate.js"
export * from "./affiliate-group.js"
export * from "./common.js"
export * from "./messaging.js"
