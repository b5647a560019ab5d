export * from "./delivery-jobs"
export * from "./steps"
export * from "./workflows"
