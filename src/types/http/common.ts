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
