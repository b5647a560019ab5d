/**
 * What the backend answered when a call failed: the HTTP status, Medusa's
 * error `type` (e.g. `not_allowed`, `invalid_data`) and its `message`, which
 * is written for people (e.g. the group's text when messaging is disabled).
 */
export class AffiliateMessagingError extends Error {
  readonly name = "AffiliateMessagingError"

  constructor(
    readonly status: number,
    readonly type: string,
    message: string
  ) {
    super(message)
  }

  /** 401: not logged in, or the token expired. */
  get isUnauthorized() {
    return this.status === 401
  }
}

/**
 * The error type for a status, as Medusa's error handler maps it, for failures
 * that carry none: Medusa's own 401 (`{ message: "Unauthorized" }`) and
 * js-sdk errors, which keep only the status and the message.
 */
const TYPE_BY_STATUS: Record<number, string> = {
  400: "invalid_data",
  401: "unauthorized",
  403: "forbidden",
  404: "not_found",
  409: "conflict",
  429: "rate_limited",
}

export const typeForStatus = (status: number) => TYPE_BY_STATUS[status] ?? "unknown_error"

export async function errorFromResponse(response: Response): Promise<AffiliateMessagingError> {
  const body = (await response.json().catch(() => null)) as { type?: string; message?: string } | null
  return new AffiliateMessagingError(
    response.status,
    body?.type ?? typeForStatus(response.status),
    body?.message ?? (response.statusText || `Request failed with status ${response.status}`)
  )
}
