export * from "./workflows"
export * from "./broadcast-jobs"
export { runBroadcast } from "./run-broadcast"
