import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"

type Pagination = { skip?: number; take?: number; order?: Record<string, unknown> }

/** One record by filters, or a 404 with `notFound` as its message. */
export async function retrieveOne<T = any>(
  scope: MedusaContainer,
  entity: string,
  filters: Record<string, unknown>,
  fields: string[],
  notFound: string
): Promise<T> {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [record],
  } = await query.graph({ entity, fields, filters })
  if (!record) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, notFound)
  }
  return record as T
}

/** A page of records in Medusa's list shape (`count`, `offset`, `limit`). */
export async function listPage<T = any>(
  scope: MedusaContainer,
  entity: string,
  filters: Record<string, unknown>,
  fields: string[],
  pagination: Pagination
): Promise<{ rows: T[]; count: number; offset: number; limit: number }> {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data, metadata } = await query.graph({
    entity,
    fields,
    filters,
    pagination,
  })
  return {
    rows: data as T[],
    count: metadata?.count ?? data.length,
    offset: metadata?.skip ?? pagination.skip ?? 0,
    limit: metadata?.take ?? pagination.take ?? data.length,
  }
}
