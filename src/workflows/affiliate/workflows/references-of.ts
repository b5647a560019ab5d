import { CreateAffiliateInput } from "../../../types/affiliate"

/** The group and manager ids a batch of affiliate writes points at. */
export function referencesOf(affiliates: Partial<CreateAffiliateInput>[]) {
  return {
    group_ids: affiliates.flatMap((a) => (a.group_id ? [a.group_id] : [])),
    manager_ids: affiliates.flatMap((a) => (a.manager_id ? [a.manager_id] : [])),
  }
}
