import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { MESSAGING_MODULE } from "../../../modules/messaging"
import type { IMessagingModuleService } from "../../../types/messaging-module"

type CopyStepConfig<Key extends string, Source extends { id: string }, Fields> = {
  /** The step's id (kebab-case). */
  id: string
  /** The input's list of ids to copy, e.g. `affiliate_ids`. */
  key: Key
  entity: "affiliate" | "affiliate_member"
  fields: string[]
  /** The conversation columns a record's facts become. */
  copy: (record: Source) => Fields
  /** Writes one record's copy; returns what the copy held before, null when nothing changed. */
  write: (service: IMessagingModuleService, id: string, fields: Fields) => Promise<Fields | null>
}

/**
 * A step that copies records of the affiliate module onto their
 * conversations (the columns list pages read): it reads them with Query,
 * writes each copy, and keeps what each copy held so that its compensation
 * puts it back.
 */
export function createCopyStep<Key extends string, Source extends { id: string }, Fields>(
  config: CopyStepConfig<Key, Source, Fields>
) {
  return createStep(
    config.id,
    async (input: Record<Key, string[]>, { container }) => {
      const ids = input[config.key]
      const previous: { id: string; fields: Fields }[] = []
      if (!ids.length) {
        return new StepResponse(void 0, previous)
      }
      const query = container.resolve(ContainerRegistrationKeys.QUERY)
      const service = container.resolve<IMessagingModuleService>(MESSAGING_MODULE)
      const { data } = await query.graph({ entity: config.entity, fields: config.fields, filters: { id: ids } })
      for (const record of data as Source[]) {
        const before = await config.write(service, record.id, config.copy(record))
        if (before) {
          previous.push({ id: record.id, fields: before })
        }
      }
      return new StepResponse(void 0, previous)
    },
    async (previous, { container }) => {
      const service = container.resolve<IMessagingModuleService>(MESSAGING_MODULE)
      for (const row of previous ?? []) {
        await config.write(service, row.id, row.fields)
      }
    }
  )
}
