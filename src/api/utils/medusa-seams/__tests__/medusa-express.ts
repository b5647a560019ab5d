import { errorHandler } from "@medusajs/framework/http"
import express, { type RequestHandler } from "express"
import type { AddressInfo } from "net"

export type Answer = { status: number; body: { type?: string; message?: string } }

const quietLogger = { info() {}, warn() {}, error() {}, debug() {} }

/**
 * A real Express app (the copy Medusa runs on) ending in Medusa's real
 * `errorHandler`, as a store's server does, for asserting what Medusa
 * answers. `req.scope` only lends the handler a logger.
 */
export async function withMedusaErrorHandler(
  mount: (app: express.Express) => void,
  requests: (get: (path: string) => Promise<Answer>) => Promise<void>
) {
  const app = express()
  app.use(((req, _res, next) => {
    ;(req as unknown as { scope: unknown }).scope = { resolve: () => quietLogger }
    next()
  }) as RequestHandler)
  mount(app)
  app.use(errorHandler())
  const server = app.listen(0, "127.0.0.1")
  await new Promise((resolve) => server.once("listening", resolve))
  const { port } = server.address() as AddressInfo
  try {
    await requests(async (path) => {
      const response = await fetch(`http://127.0.0.1:${port}${path}`)
      return { status: response.status, body: await response.json() }
    })
  } finally {
    await new Promise((resolve) => server.close(resolve))
  }
}
