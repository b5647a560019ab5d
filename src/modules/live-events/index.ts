import { Module } from "@medusajs/framework/utils"
import LiveEventsModuleService from "./service"

export const LIVE_EVENTS_MODULE = "affiliateLiveEvents"

export default Module(LIVE_EVENTS_MODULE, {
  service: LiveEventsModuleService,
})

export { LiveEventsModuleService }
export type { LiveFact, LiveFactInput, LiveFactListener } from "./types"
