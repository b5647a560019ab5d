export * from "./affiliate"
export * from "./messaging"
