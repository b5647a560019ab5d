import { Module } from "@medusajs/framework/utils"
import InboundEmailModuleService from "./service"

export const INBOUND_EMAIL_MODULE = "affiliateInboundEmail"

export default Module(INBOUND_EMAIL_MODULE, {
  service: InboundEmailModuleService,
})

export { InboundEmailModuleService }
