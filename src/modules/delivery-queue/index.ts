import { Module } from "@medusajs/framework/utils"
import DeliveryQueueService from "./service"

export const DELIVERY_QUEUE_MODULE = "affiliateDeliveryQueue"

export default Module(DELIVERY_QUEUE_MODULE, {
  service: DeliveryQueueService,
})

export { DeliveryQueueService }
export type { DeliveryJob } from "./types"
