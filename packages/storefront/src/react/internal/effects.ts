import { useEffect, useLayoutEffect, useRef } from "react"

/** useLayoutEffect in browsers, useEffect on the server (no warning during SSR). */
export const useIsomorphicLayoutEffect = typeof window === "undefined" ? useEffect : useLayoutEffect

/** A ref that always holds the latest value (for callbacks used in effects). */
export function useLatest<T>(value: T) {
  const ref = useRef(value)
  useIsomorphicLayoutEffect(() => {
    ref.current = value
  })
  return ref
}

/**
 * Calls `callback` every `ms` while the page is visible, and once at once when
 * it becomes visible again. No timer on the server or when `ms` is falsy.
 */
export function usePolling(callback: () => void, ms: number | false | null | undefined) {
  const latest = useLatest(callback)
  useEffect(() => {
    if (!ms || ms <= 0 || typeof document === "undefined") {
      return
    }
    let timer: ReturnType<typeof setInterval> | undefined
    const start = () => {
      stop()
      timer = setInterval(() => latest.current(), ms)
    }
    const stop = () => {
      if (timer !== undefined) {
        clearInterval(timer)
        timer = undefined
      }
    }
    const onVisibility = () => {
      if (document.visibilityState === "visible") {
        latest.current()
        start()
      } else {
        stop()
      }
    }
    if (document.visibilityState !== "hidden") {
      start()
    }
    document.addEventListener("visibilitychange", onVisibility)
    return () => {
      stop()
      document.removeEventListener("visibilitychange", onVisibility)
    }
  }, [ms, latest])
}

/** Normalises anything thrown into an Error with a message people can read. */
export function toError(error: unknown): Error {
  if (error instanceof Error) {
    return error
  }
  return new Error(typeof error === "string" ? error : "Something went wrong")
}

export const isAbort = (error: unknown) => (error as { name?: string } | null)?.name === "AbortError"
