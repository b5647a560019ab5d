import { useMemo } from "react"
import { useAffiliateGroups } from "../../hooks/api/affiliate-groups"
import { useAdminUsers, userDisplayName } from "../../hooks/api/users"

type Choice = { value: string; label: string }

/** Groups an affiliate can be put in, by name. */
export const useGroupChoices = () => {
  const { affiliate_groups, isPending } = useAffiliateGroups()
  const choices = useMemo<Choice[]>(
    () =>
      (affiliate_groups ?? [])
        .map((group) => ({ value: group.id, label: group.name }))
        .sort((a, b) => a.label.localeCompare(b.label)),
    [affiliate_groups],
  )
  return { choices, isPending }
}

/** Admin users who can manage an affiliate, and their names by id for display. */
export const useManagerChoices = () => {
  const { users, isPending } = useAdminUsers()
  const choices = useMemo<Choice[]>(
    () =>
      (users ?? [])
        .map((user) => ({ value: user.id, label: userDisplayName(user) }))
        .sort((a, b) => a.label.localeCompare(b.label)),
    [users],
  )
  const nameOf = useMemo(() => {
    const names = new Map(choices.map((choice) => [choice.value, choice.label]))
    return (id: string | null | undefined) => (id ? names.get(id) : undefined)
  }, [choices])
  return { choices, nameOf, isPending }
}
