import type { FieldValues, Path, UseFormReturn } from "react-hook-form"
import { toast } from "@medusajs/ui"

/** The API's `message` as the js-sdk's FetchError carries it. */
export const apiErrorMessage = (error: unknown) =>
  error instanceof Error && error.message
    ? error.message
    : "Something went wrong. Please try again."

/** Duck-typed: the FetchError class of another bundle copy fails `instanceof`. */
const apiErrorStatus = (error: unknown): number | undefined => {
  const status = (error as { status?: unknown } | null)?.status
  return typeof status === "number" ? status : undefined
}

/**
 * A duplicate unique value (422, e.g. an email already used) belongs next to
 * the field that caused it; anything else goes to a toast.
 */
export function reportFormError<T extends FieldValues>(
  form: UseFormReturn<T>,
  error: unknown,
  duplicateField?: Path<T>,
) {
  if (duplicateField && apiErrorStatus(error) === 422) {
    form.setError(
      duplicateField,
      { type: "server", message: apiErrorMessage(error) },
      { shouldFocus: true },
    )
    return
  }
  toast.error(apiErrorMessage(error))
}
