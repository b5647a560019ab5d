import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { reportingDuplicates } from "../../utils/errors"

/**
 * Step factories over a module's generated MedusaService methods
 * (`create<Plural>`, `update<Plural>`, `list<Plural>`, `softDelete<Plural>`).
 * Every step they make undoes its own write when a later step fails, and
 * reports unique-value clashes as Medusa's DUPLICATE_ERROR (422).
 */
type GeneratedService = Record<string, (...args: any[]) => Promise<any>>

type Identified = { id: string }

function serviceOf(container: { resolve<T>(key: string): T }, moduleKey: string) {
  return container.resolve<GeneratedService>(moduleKey)
}

export function createRecordsStep<TInput, TRecord extends Identified>(
  stepId: string,
  moduleKey: string,
  plural: string
) {
  return createStep(
    stepId,
    async (data: TInput[], { container }) => {
      const created: TRecord[] = await reportingDuplicates(() =>
        serviceOf(container, moduleKey)[`create${plural}`](data)
      )
      return new StepResponse(
        created,
        created.map((record) => record.id)
      )
    },
    async (ids, { container }) => {
      if (!ids?.length) {
        return
      }
      await serviceOf(container, moduleKey)[`delete${plural}`](ids)
    }
  )
}

export function updateRecordsStep<
  TInput extends Identified,
  TRecord extends Identified,
>(stepId: string, moduleKey: string, plural: string) {
  return createStep(
    stepId,
    async (data: TInput[], { container }) => {
      if (!data.length) {
        return new StepResponse([] as TRecord[], [] as Identified[])
      }
      const service = serviceOf(container, moduleKey)
      const before: TRecord[] = await service[`list${plural}`]({
        id: data.map((update) => update.id),
      })
      const updated: TRecord[] = await reportingDuplicates(() =>
        service[`update${plural}`](data)
      )
      return new StepResponse(updated, previousValues(before, data))
    },
    async (previous, { container }) => {
      if (!previous?.length) {
        return
      }
      await serviceOf(container, moduleKey)[`update${plural}`](previous)
    }
  )
}

export function softDeleteRecordsStep(
  stepId: string,
  moduleKey: string,
  plural: string
) {
  return createStep(
    stepId,
    async (ids: string[], { container }) => {
      await serviceOf(container, moduleKey)[`softDelete${plural}`](ids)
      return new StepResponse(ids, ids)
    },
    async (ids, { container }) => {
      if (!ids?.length) {
        return
      }
      await serviceOf(container, moduleKey)[`restore${plural}`](ids)
    }
  )
}

/** For each update, the values its fields had before: what compensation writes back. */
function previousValues<TRecord extends Identified>(
  before: TRecord[],
  updates: Identified[]
): Identified[] {
  const byId = new Map(before.map((row) => [row.id, row]))
  return updates.flatMap((update) => {
    const row = byId.get(update.id) as Record<string, unknown> | undefined
    if (!row) {
      return []
    }
    const previous: Record<string, unknown> = { id: update.id }
    for (const key of Object.keys(update)) {
      previous[key] = row[key] ?? null
    }
    return [previous as Identified]
  })
}
