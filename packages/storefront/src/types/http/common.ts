/** A record as JSON carries it: dates become ISO 8601 strings. */
export type Serialized<T> = {
  [K in keyof T]: T[K] extends Date ? string : T[K] extends Date | null ? string | null : T[K]
}

export type PaginatedResponse<T> = T & {
  count: number
  offset: number
  limit: number
}

export type DeleteResponse<TObject extends string> = {
  id: string
  object: TObject
  deleted: true
}

/** Body of every error answer: `{ type, message }`. */
export type ErrorResponse = {
  type: string
  message: string
}
