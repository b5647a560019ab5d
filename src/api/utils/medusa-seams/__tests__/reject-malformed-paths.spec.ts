import type { RequestHandler } from "express"
import { frontAuthentication } from "../reject-malformed-paths"
import { type Answer, withMedusaErrorHandler } from "./medusa-express"

const echoId: RequestHandler = (req, res) => {
  res.json({ type: "ok", message: req.params.id })
}

type Get = (path: string) => Promise<Answer>

/** Under `base` (a route `base/:id` echoing its id): 400, 404, and a valid id through. */
async function expectRefusedBeforeTheRoute(get: Get, base: string) {
  expect(await get(`${base}/%E0%A4%A`)).toEqual({
    status: 400,
    body: { type: "invalid_data", message: expect.stringMatching(/^Malformed URL/) },
  })
  expect(await get(`${base}/conv%001`)).toEqual({
    status: 404,
    body: { type: "not_found", message: expect.stringMatching(/names no valid id/) },
  })
  expect((await get(`${base}/conv_1`)).body.message).toBe("conv_1")
}

describe("rejectMalformedPaths: a URL that names no id is a 4xx", () => {
  // Guard: the seam exists because Express's error for an `:id` it cannot
  // percent-decode reaches Medusa's handler as a 500. When this fails,
  // Medusa answers it as a 4xx: drop the 400 branch.
  it("is needed: Medusa's error handler answers Express's undecodable `:id` with a 500", async () => {
    await withMedusaErrorHandler(
      (app) => app.get("/admin/conversations/:id", echoId),
      async (get) => {
        expect(await get("/admin/conversations/%E0%A4%A")).toEqual({
          status: 500,
          body: expect.objectContaining({ type: "unknown_error" }),
        })
        expect((await get("/admin/conversations/conv_1")).body.message).toBe("conv_1")
      }
    )
  })

  it("answers 400 for an undecodable segment and 404 for an id that cannot exist on the plugin's paths, in front of Medusa's authentication of /admin and /store, and leaves Medusa's own paths to it", async () => {
    const authenticated: string[] = []
    await withMedusaErrorHandler(
      (app) => {
        // as Medusa mounts its authentication of each prefix
        for (const prefix of ["/admin", "/store"]) {
          app.use(
            prefix,
            frontAuthentication((req, _res, next) => {
              authenticated.push(req.baseUrl + req.path)
              next()
            })
          )
        }
        app.get("/admin/conversations/:id", echoId)
        app.get("/store/affiliates/me/conversations/:id", echoId)
        app.get("/admin/products/:id", echoId)
      },
      async (get) => {
        await expectRefusedBeforeTheRoute(get, "/admin/conversations")
        await expectRefusedBeforeTheRoute(get, "/store/affiliates/me/conversations")
        // not the plugin's: Medusa answers it as before
        expect((await get("/admin/products/%E0%A4%A")).status).toBe(500)
        expect(authenticated).toEqual([
          "/admin/conversations/conv_1",
          "/store/affiliates/me/conversations/conv_1",
          "/admin/products/%E0%A4%A",
        ])
      }
    )
  })
})
