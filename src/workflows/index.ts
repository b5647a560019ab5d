export * from "./affiliate"
