export * from "./affiliate"
export * from "./affiliate-group"
export * from "./common"
export * from "./messaging"
