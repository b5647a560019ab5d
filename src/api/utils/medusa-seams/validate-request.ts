import {
  validateAndTransformBody,
  validateAndTransformQuery,
} from "@medusajs/framework/http"
import { z } from "@medusajs/framework/zod"

type QueryConfig = Parameters<typeof validateAndTransformQuery>[1]

/**
 * Steps around Medusa: its validators' schema rebuild per request.
 *
 * What: the plugin's schemas reach `validateAndTransformQuery`/`Body` behind
 * an identity transform, which has no `.strict()`.
 * Why: Medusa's `zodValidator` calls `.strict()` on every request when the
 * schema has it (2.19 to 2.21.2), and zod 4 builds and compiles a new
 * object schema each time: 86 µs a request against 5 µs for the parse
 * itself (measured on the inbox query), a tenth of a no-op admin route's
 * CPU. Ours are `strictObject`s already, so unknown fields are refused all
 * the same, with Medusa's message.
 * Guard: validate-request.spec.ts fails when Medusa stops calling
 * `.strict()` per request.
 * Remove when: Medusa makes the strict schema once per middleware (or only
 * for non-strict schemas); then use its validators directly.
 */
const asIs = (schema: z.ZodType) => schema.transform((value) => value)

/** `validateAndTransformQuery` for the plugin's strict query schemas. */
export const validateQuery = (schema: z.ZodType, config: QueryConfig) =>
  validateAndTransformQuery(asIs(schema), config)

/** `validateAndTransformBody` for the plugin's strict body schemas. */
export const validateBody = (schema: z.ZodType) => validateAndTransformBody(asIs(schema))
