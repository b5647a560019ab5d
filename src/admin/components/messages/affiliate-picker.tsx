import { useDebouncedSearch } from "../../lib/dashboard"
import { MagnifyingGlass } from "@medusajs/icons"
import { Button, Input, Text, clx } from "@medusajs/ui"
import type { AdminAffiliate } from "../../../types/http"
import { useAffiliates } from "../../hooks/api/affiliates"
import { AffiliateOptionLabel } from "../affiliate-option-label"

type AffiliatePickerProps = {
  selected: AdminAffiliate | undefined
  onSelect: (affiliate: AdminAffiliate | undefined) => void
}

/**
 * Search active affiliates on the server by name or email: only active ones
 * can be messaged first (design rule), so others are not offered.
 */
export const AffiliatePicker = ({ selected, onSelect }: AffiliatePickerProps) => {
  const { searchValue, onSearchValueChange, query } = useDebouncedSearch()
  const { affiliates, count, isFetching } = useAffiliates(
    { q: query, status: "active", limit: 8, order: "name" },
    { enabled: !selected }
  )

  if (selected) {
    return (
      <div className="shadow-borders-base bg-ui-bg-component flex items-center justify-between gap-x-3 rounded-lg px-3 py-2" data-testid="picked-affiliate">
        <AffiliateOptionLabel affiliate={selected}>
          <Button size="small" variant="transparent" onClick={() => onSelect(undefined)}>
            Change
          </Button>
        </AffiliateOptionLabel>
      </div>
    )
  }

  return (
    <div className="flex flex-col gap-y-2">
      <div className="relative">
        <Input
          type="search"
          autoFocus
          aria-label="Search affiliates"
          placeholder="Search active affiliates by name or email"
          value={searchValue}
          onChange={(event) => onSearchValueChange(event.target.value)}
        />
        {isFetching && <MagnifyingGlass className="text-ui-fg-muted absolute right-2 top-1.5 animate-pulse" />}
      </div>
      <ul role="listbox" aria-label="Affiliates" className="shadow-borders-base divide-y overflow-hidden rounded-lg">
        {(affiliates ?? []).map((affiliate) => (
          <li key={affiliate.id} role="option" aria-selected={false}>
            <button
              type="button"
              onClick={() => onSelect(affiliate)}
              className={clx(
                "hover:bg-ui-bg-base-hover focus-visible:bg-ui-bg-base-hover flex w-full items-center justify-between gap-x-3 px-3 py-2 text-left outline-none"
              )}
            >
              <AffiliateOptionLabel affiliate={affiliate} />
            </button>
          </li>
        ))}
        {affiliates && affiliates.length === 0 && (
          <li className="px-3 py-2">
            <Text size="small" className="text-ui-fg-muted">
              No active affiliate matches{query ? ` "${query}"` : ""}. Pending, declined and suspended affiliates cannot be messaged first.
            </Text>
          </li>
        )}
      </ul>
      {count !== undefined && affiliates && count > affiliates.length && (
        <Text size="xsmall" className="text-ui-fg-muted">
          Showing {affiliates.length} of {count}: type to narrow down.
        </Text>
      )}
    </div>
  )
}
