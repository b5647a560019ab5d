import { ModuleProvider, Modules } from "@medusajs/framework/utils"
import { NodemailerNotificationService } from "./service"

export default ModuleProvider(Modules.NOTIFICATION, {
  services: [NodemailerNotificationService],
})

export { NodemailerNotificationService }
export type { NodemailerProviderOptions } from "./service"
