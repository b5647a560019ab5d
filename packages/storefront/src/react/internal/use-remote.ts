import { useCallback, useEffect, useRef, useState } from "react"
import type { AffiliateMessagingClient } from "../../client/index.js"
import { subscribeMessagingChanges } from "../events.js"
import { toError, useLatest, usePolling } from "./effects.js"
import { useLiveEvents } from "./live.js"

export type RemoteState<T> = {
  data: T | undefined
  error: Error | null
  /** True until the first answer (or error) for the current key. */
  loading: boolean
  /** Fetches again now; resolves when done (never rejects). */
  refresh: () => Promise<void>
}

/**
 * Fetches `load()` for `key` (null = don't), again when any part of the UI
 * announces a change on the same client and, with `live`, on every event
 * of the member's stream (several events of one read cause one fetch);
 * without `live`, every `pollMs`. Later answers win; answers for an older
 * key are dropped. Keeps the last data while refreshing.
 */
export function useRemote<T>(
  client: AffiliateMessagingClient,
  key: string | null,
  load: () => Promise<T>,
  {
    pollMs,
    refreshOnChange = true,
    live = false,
  }: { pollMs?: number | false; refreshOnChange?: boolean; live?: boolean } = {}
): RemoteState<T> {
  const [state, setState] = useState<{ key: string | null; data?: T; error: Error | null; loading: boolean }>({
    key,
    error: null,
    loading: key !== null,
  })
  const latestLoad = useLatest(load)
  const sequence = useRef(0)
  const currentKey = useLatest(key)

  const refresh = useCallback(async () => {
    const requestKey = currentKey.current
    if (requestKey === null) {
      return
    }
    const request = ++sequence.current
    try {
      const data = await latestLoad.current()
      if (request === sequence.current && requestKey === currentKey.current) {
        setState({ key: requestKey, data, error: null, loading: false })
      }
    } catch (error) {
      if (request === sequence.current && requestKey === currentKey.current) {
        setState((previous) => ({
          key: requestKey,
          data: previous.key === requestKey ? previous.data : undefined,
          error: toError(error),
          loading: false,
        }))
      }
    }
  }, [currentKey, latestLoad])

  useEffect(() => {
    setState((previous) =>
      previous.key === key ? previous : { key, data: undefined, error: null, loading: key !== null }
    )
    void refresh()
  }, [key, client, refresh])

  useEffect(
    () => (refreshOnChange ? subscribeMessagingChanges(client, () => void refresh()) : undefined),
    [client, refresh, refreshOnChange]
  )
  const queued = useRef(false)
  useLiveEvents(
    client,
    () => {
      if (!queued.current) {
        queued.current = true
        queueMicrotask(() => {
          queued.current = false
          void refresh()
        })
      }
    },
    live && refreshOnChange && key !== null
  )
  usePolling(() => void refresh(), key === null || live ? false : pollMs)

  const current = state.key === key
  return {
    data: current ? state.data : undefined,
    error: current ? state.error : null,
    loading: current ? state.loading : key !== null,
    refresh,
  }
}
