import type { Context, FindConfig } from "@medusajs/framework/types"

/** A `list<Plural>` method that `MedusaService` generates, with the filters callers use. */
export type ListOf<DTO, Filters> = (
  filters?: Filters,
  config?: FindConfig<DTO>,
  sharedContext?: Context
) => Promise<DTO[]>

export type OneOrMany<T> = T | T[]
