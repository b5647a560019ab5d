import { useEffect, useState } from "react"

const DEBOUNCE_MS = 300

/** A search box's value at once, and the query it settles on 300 ms after the last keystroke. */
export const useDebouncedSearch = () => {
  const [searchValue, onSearchValueChange] = useState("")
  const [query, setQuery] = useState("")

  useEffect(() => {
    const timer = setTimeout(() => setQuery(searchValue), DEBOUNCE_MS)
    return () => clearTimeout(timer)
  }, [searchValue])

  return { searchValue, onSearchValueChange, query: query || undefined }
}
