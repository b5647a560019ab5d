import { XMarkMini } from "@medusajs/icons"
import { Checkbox, IconButton, Input, Label, Text, clx } from "@medusajs/ui"
import type { ReactNode } from "react"
import type { AdminAffiliate } from "../../../types/http"
import { useAffiliateGroups } from "../../hooks/api/affiliate-groups"
import { useAffiliates } from "../../hooks/api/affiliates"
import type { BroadcastAudience } from "../../hooks/api/broadcasts"
import { useAdminUsers, userDisplayName } from "../../hooks/api/users"
import { useDebouncedSearch } from "../../hooks/use-debounced-search"
import { AffiliateOptionLabel } from "../affiliate-option-label"

type AudienceKey = keyof BroadcastAudience
type Option = { value: string; label: string }

/** Statuses an affiliate may be messaged in (broadcast.md: `statuses` only active or pending). */
const STATUS_OPTIONS: Option[] = [
  { value: "active", label: "Active" },
  { value: "pending", label: "Pending" },
]

/**
 * Who the broadcast goes to, by group, status, manager or hand-picked
 * affiliates. Each filled list narrows the audience (AND between lists),
 * any match inside a list counts (OR), as the API combines them.
 */
export const AudienceFields = ({
  audience,
  onChange,
  picked,
  onPickedChange,
}: {
  audience: BroadcastAudience
  onChange: (audience: BroadcastAudience) => void
  /** The hand-picked affiliates themselves, for their chips. */
  picked: AdminAffiliate[]
  onPickedChange: (affiliates: AdminAffiliate[]) => void
}) => {
  const { affiliate_groups } = useAffiliateGroups()
  const { users } = useAdminUsers()

  const set = (key: AudienceKey, values: string[]) => {
    const next = { ...audience, [key]: values }
    if (!values.length) {
      delete next[key]
    }
    onChange(next)
  }
  const toggle = (key: AudienceKey, value: string, on: boolean) => {
    const current = (audience[key] ?? []) as string[]
    set(key, on ? [...current, value] : current.filter((each) => each !== value))
  }
  const checkboxes = (key: AudienceKey, options: Option[], empty: string) => (
    <CheckboxList
      name={key}
      options={options}
      checked={(audience[key] ?? []) as string[]}
      onToggle={(value, on) => toggle(key, value, on)}
      empty={empty}
    />
  )
  const setPicked = (affiliates: AdminAffiliate[]) => {
    onPickedChange(affiliates)
    set(
      "affiliate_ids",
      affiliates.map((affiliate) => affiliate.id)
    )
  }

  return (
    <div className="flex flex-col gap-y-4" data-testid="audience-fields">
      <Text size="small" className="text-ui-fg-subtle">
        Each list you fill narrows the audience; inside a list, any match counts. Only active and pending
        affiliates can be messaged.
      </Text>
      <div className="grid grid-cols-1 gap-4 md:grid-cols-3">
        <Field label="Groups">
          {checkboxes(
            "group_ids",
            (affiliate_groups ?? []).map((group) => ({ value: group.id, label: group.name })),
            "No groups yet."
          )}
        </Field>
        <Field label="Status">{checkboxes("statuses", STATUS_OPTIONS, "")}</Field>
        <Field label="Manager">
          {checkboxes(
            "manager_ids",
            (users ?? []).map((user) => ({ value: user.id, label: userDisplayName(user) })),
            "No managers."
          )}
        </Field>
      </div>
      <Field label="Hand-picked affiliates">
        <PickAffiliates picked={picked} onChange={setPicked} />
      </Field>
    </div>
  )
}

const Field = ({ label, children }: { label: string; children: ReactNode }) => (
  <fieldset className="flex min-w-0 flex-col gap-y-2">
    <legend className="txt-compact-small-plus text-ui-fg-base mb-2">{label}</legend>
    {children}
  </fieldset>
)

const CheckboxList = ({
  name,
  options,
  checked,
  onToggle,
  empty,
}: {
  name: string
  options: Option[]
  checked: string[]
  onToggle: (value: string, on: boolean) => void
  empty: string
}) =>
  options.length ? (
    <div className="flex flex-col gap-y-2 overflow-y-auto" style={{ maxHeight: 192 }}>
      {options.map((option) => {
        const id = `audience-${name}-${option.value}`
        return (
          <div key={option.value} className="flex items-center gap-x-2">
            <Checkbox
              id={id}
              checked={checked.includes(option.value)}
              onCheckedChange={(state) => onToggle(option.value, state === true)}
            />
            <Label htmlFor={id} size="small" className="truncate">
              {option.label}
            </Label>
          </div>
        )
      })}
    </div>
  ) : (
    <Text size="small" className="text-ui-fg-muted">
      {empty}
    </Text>
  )

/** Search active and pending affiliates by name or email and add them one by one. */
const PickAffiliates = ({
  picked,
  onChange,
}: {
  picked: AdminAffiliate[]
  onChange: (affiliates: AdminAffiliate[]) => void
}) => {
  const { searchValue, onSearchValueChange, query } = useDebouncedSearch()
  const { affiliates } = useAffiliates(
    { q: query, status: ["active", "pending"], limit: 6, order: "name" },
    { enabled: Boolean(query) }
  )
  const pickedIds = new Set(picked.map((affiliate) => affiliate.id))

  return (
    <div className="flex flex-col gap-y-2">
      {picked.length > 0 && (
        <ul className="flex flex-wrap gap-2" aria-label="Picked affiliates">
          {picked.map((affiliate) => (
            <li
              key={affiliate.id}
              className="bg-ui-bg-component shadow-borders-base flex items-center gap-x-1 rounded-md py-0.5 pl-2 pr-0.5"
            >
              <Text size="xsmall" weight="plus">
                {affiliate.name}
              </Text>
              <IconButton
                size="2xsmall"
                variant="transparent"
                type="button"
                aria-label={`Remove ${affiliate.name}`}
                onClick={() => onChange(picked.filter((each) => each.id !== affiliate.id))}
              >
                <XMarkMini />
              </IconButton>
            </li>
          ))}
        </ul>
      )}
      <Input
        type="search"
        size="small"
        aria-label="Search affiliates to add"
        placeholder="Search active and pending affiliates by name or email"
        value={searchValue}
        onChange={(event) => onSearchValueChange(event.target.value)}
      />
      {query && affiliates && (
        <ul role="listbox" aria-label="Affiliates to add" className="shadow-borders-base divide-y overflow-hidden rounded-lg">
          {affiliates.map((affiliate) => (
            <li key={affiliate.id} role="option" aria-selected={pickedIds.has(affiliate.id)}>
              <button
                type="button"
                disabled={pickedIds.has(affiliate.id)}
                onClick={() => {
                  onChange([...picked, affiliate])
                  onSearchValueChange("")
                }}
                className={clx(
                  "hover:bg-ui-bg-base-hover flex w-full items-center justify-between gap-x-3 px-3 py-2 text-left outline-none disabled:opacity-50"
                )}
              >
                <AffiliateOptionLabel affiliate={affiliate} />
              </button>
            </li>
          ))}
          {affiliates.length === 0 && (
            <li className="px-3 py-2">
              <Text size="small" className="text-ui-fg-muted">
                No active or pending affiliate matches "{query}".
              </Text>
            </li>
          )}
        </ul>
      )}
    </div>
  )
}
