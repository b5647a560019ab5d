import { MedusaError } from "@medusajs/framework/utils"

/**
 * A state conflict (409) whose message must reach the client. Medusa's error
 * handler replaces CONFLICT messages with a generic idempotency text, so
 * routes answer these through `answerConflicts` (src/api/utils/medusa-seams).
 */
export function conflict(message: string): MedusaError {
  return new MedusaError(MedusaError.Types.CONFLICT, message)
}

export function isConflict(error: unknown): error is MedusaError {
  return (
    !!error &&
    typeof error === "object" &&
    (error as { type?: unknown }).type === MedusaError.Types.CONFLICT
  )
}

/**
 * Modules map a unique-index violation to INVALID_DATA ("… already exists."),
 * which answers 400; the API contract answers duplicates with Medusa's
 * DUPLICATE_ERROR (422), as the framework does for raw Postgres 23505 errors.
 */
export function asDuplicateError(error: unknown): unknown {
  if (
    MedusaError.isMedusaError(error) &&
    error.type === MedusaError.Types.INVALID_DATA &&
    /already exists\.?$/.test(error.message)
  ) {
    return new MedusaError(MedusaError.Types.DUPLICATE_ERROR, error.message)
  }
  return error
}

/** Runs a write, reporting unique-index violations as DUPLICATE_ERROR. */
export async function reportingDuplicates<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write()
  } catch (error) {
    throw asDuplicateError(error)
  }
}
