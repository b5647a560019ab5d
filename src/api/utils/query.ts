import { refetchEntities, refetchEntity } from "@medusajs/framework/http"
import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"

type Pagination = NonNullable<Parameters<typeof refetchEntities>[0]["pagination"]>

/** Medusa's `refetchEntity`, with a 404 carrying `notFound` when nothing matches. */
export async function retrieveOne<T = any>(
  scope: MedusaContainer,
  entity: string,
  filters: Record<string, unknown>,
  fields: string[],
  notFound: string
): Promise<T> {
  const record = await refetchEntity({ entity, idOrFilter: filters, scope, fields })
  if (!record) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, notFound)
  }
  return record as T
}

/** Medusa's `refetchEntities`, as a page in Medusa's list shape (`count`, `offset`, `limit`). */
export async function listPage<T = any>(
  scope: MedusaContainer,
  entity: string,
  filters: Record<string, unknown>,
  fields: string[],
  pagination: Pagination
): Promise<{ rows: T[]; count: number; offset: number; limit: number }> {
  const { data, metadata } = await refetchEntities({ entity, idOrFilter: filters, scope, fields, pagination })
  return {
    rows: data as T[],
    count: metadata?.count ?? data.length,
    offset: metadata?.skip ?? pagination.skip ?? 0,
    limit: metadata?.take ?? pagination.take ?? data.length,
  }
}
