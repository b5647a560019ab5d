import {
  validateAndTransformBody,
  validateAndTransformQuery,
  type MedusaNextFunction,
  type MedusaRequest,
  type MedusaResponse,
} from "@medusajs/framework/http"
import { listConversationsQueryConfig } from "../../../admin/conversations/query-config"
import { AdminGetConversationsParams } from "../../../admin/conversations/validators"
import { SendMessage } from "../../validators/common"
import { validateBody, validateQuery } from "../validate-request"

type Middleware = (req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) => unknown
type Validated = { validatedQuery?: Record<string, unknown>; validatedBody?: Record<string, unknown> }

/** Runs a validation middleware on one request; resolves with what it validated or the error it passed on. */
async function validate(middleware: Middleware, input: { query?: Record<string, unknown>; body?: unknown }) {
  const req = { query: input.query ?? {}, body: input.body, allowed: [] } as unknown as MedusaRequest & Validated
  let passed: unknown
  await middleware(req, {} as MedusaResponse, (error?: unknown) => {
    passed = error
  })
  if (passed) {
    return { error: (passed as Error).message }
  }
  return { value: req.validatedQuery ?? req.validatedBody }
}

const INBOX_QUERY = { limit: "1", unread: "true" }
const MESSAGE = { body: "Hello" }

describe("validateQuery / validateBody: the plugin's strict schemas without a rebuild per request", () => {
  afterEach(() => jest.restoreAllMocks())

  // Guard: the seam exists because Medusa calls `.strict()` on a schema for
  // every request, which zod 4 answers with a new compiled schema. When this
  // fails, Medusa no longer does: use its validators directly and delete
  // validate-request.ts.
  it("is needed: Medusa's validators make a new strict schema on every request", async () => {
    const strictQuery = jest.spyOn(AdminGetConversationsParams, "strict")
    const strictBody = jest.spyOn(SendMessage, "strict")
    const query = validateAndTransformQuery(AdminGetConversationsParams, listConversationsQueryConfig)
    const body = validateAndTransformBody(SendMessage)
    for (let i = 0; i < 3; i++) {
      expect(await validate(query, { query: INBOX_QUERY })).toHaveProperty("value")
      expect(await validate(body, { body: MESSAGE })).toHaveProperty("value")
    }
    expect(strictQuery).toHaveBeenCalledTimes(3)
    expect(strictBody).toHaveBeenCalledTimes(3)
    expect(AdminGetConversationsParams.strict()).not.toBe(AdminGetConversationsParams.strict())
  })

  it("validates as Medusa does, with Medusa's messages, without calling `.strict()`", async () => {
    const strictQuery = jest.spyOn(AdminGetConversationsParams, "strict")
    const strictBody = jest.spyOn(SendMessage, "strict")
    const medusaQuery = validateAndTransformQuery(AdminGetConversationsParams, listConversationsQueryConfig)
    const medusaBody = validateAndTransformBody(SendMessage)
    const ours = {
      query: validateQuery(AdminGetConversationsParams, listConversationsQueryConfig),
      body: validateBody(SendMessage),
    }
    const cases = [
      [ours.query, medusaQuery, { query: INBOX_QUERY }],
      [ours.query, medusaQuery, { query: { ...INBOX_QUERY, sneaky: "1" } }],
      [ours.query, medusaQuery, { query: { limit: "-5" } }],
      [ours.body, medusaBody, { body: MESSAGE }],
      [ours.body, medusaBody, { body: { ...MESSAGE, author_id: "user_1" } }],
      [ours.body, medusaBody, { body: {} }],
    ] as const
    for (const [seam, medusa, input] of cases) {
      const expected = await validate(medusa, input)
      strictQuery.mockClear()
      strictBody.mockClear()
      expect(await validate(seam, input)).toEqual(expected)
      expect(strictQuery).not.toHaveBeenCalled()
      expect(strictBody).not.toHaveBeenCalled()
    }
    expect(await validate(ours.body, { body: { ...MESSAGE, author_id: "user_1" } })).toEqual({
      error: expect.stringMatching(/author_id/),
    })
  })
})
