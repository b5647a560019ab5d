import { initModules } from "@medusajs/test-utils"
import path from "path"
import { MESSAGING_MODULE } from "../../src/modules/messaging"
import type MessagingModuleService from "../../src/modules/messaging/service"
import type { AppendMessageInput } from "../../src/types/messaging"
import { databaseUrl } from "./medusa-process"

/**
 * A message as reply by email posts it (`source: "email"`), appended by the
 * messaging module's own service on the database of a store running in
 * another process (a browser suite's host or demo): the module is loaded
 * here on its own, used once and shut down.
 */
export async function appendEmailMessage(database: string, input: Omit<AppendMessageInput, "source">) {
  const { medusaApp, shutdown } = await initModules({
    databaseConfig: { clientUrl: databaseUrl(database) },
    modulesConfig: {
      [MESSAGING_MODULE]: { resolve: path.join(__dirname, "../../src/modules/messaging"), options: {} },
    },
  })
  try {
    const messaging = medusaApp.modules[MESSAGING_MODULE] as MessagingModuleService
    return (await messaging.appendMessage({ ...input, source: "email" })).message
  } finally {
    await shutdown()
  }
}
