import { createContext, useCallback, useContext, useEffect, useMemo, useState, type PropsWithChildren } from "react"
import { useLocation, useNavigate, type Path } from "react-router-dom"

export type RouteModalTarget = string | Partial<Path> | number

type RouteModalState = {
  /** Leaves the modal after a successful submit: to `path`, or back where it was opened from. */
  handleSuccess: (path?: string) => void
  setCloseOnEscape: (value: boolean) => void
  closeOnEscape: boolean
}

const RouteModalContext = createContext<RouteModalState | null>(null)

/**
 * Where a route modal returns to: `prev`, with the search params the page had
 * when it was opened (`location.state.restore_params`) or the current ones.
 */
export const useStateAwareTo = (prev: RouteModalTarget): RouteModalTarget => {
  const location = useLocation()
  return useMemo(() => {
    if (typeof prev === "number") {
      return prev
    }
    const params = location.state?.restore_params
    if (params) {
      return `${prev}?${params.toString()}`
    }
    return location.search ? `${prev}${location.search}` : prev
  }, [location.state, location.search, prev])
}

/** Closing a route modal is leaving its route. */
export const useRouteModalOpenState = (prev: RouteModalTarget) => {
  const navigate = useNavigate()
  const to = useStateAwareTo(prev)
  const [open, setOpen] = useState(false)

  // opened after mounting, so the entry animation plays
  useEffect(() => {
    setOpen(true)
    return () => setOpen(false)
  }, [])

  const onOpenChange = (next: boolean) => {
    if (next) {
      setOpen(true)
      return
    }
    // Radix leaves the body unclickable if the route unmounts the modal mid-close
    document.body.style.pointerEvents = "auto"
    if (typeof to === "number") {
      navigate(to)
    } else {
      navigate(to, { replace: true })
    }
  }
  return { open, onOpenChange, to }
}

export const RouteModalProvider = ({ prev, children }: PropsWithChildren<{ prev: RouteModalTarget }>) => {
  const navigate = useNavigate()
  const location = useLocation()
  const [closeOnEscape, setCloseOnEscape] = useState(true)

  const handleSuccess = useCallback(
    (path?: string) => {
      const to = path || prev
      if (typeof to === "number") {
        // mark this entry as submitted (RouteModalForm lets it go unprompted), then step back
        navigate(location.pathname + location.search, {
          replace: true,
          state: { ...location.state, isSubmitSuccessful: true },
        })
        setTimeout(() => navigate(to), 0)
      } else {
        navigate(to, { replace: true, state: { isSubmitSuccessful: true } })
      }
    },
    [navigate, prev, location],
  )

  const value = useMemo(() => ({ handleSuccess, setCloseOnEscape, closeOnEscape }), [handleSuccess, closeOnEscape])
  return <RouteModalContext.Provider value={value}>{children}</RouteModalContext.Provider>
}

export const useRouteModal = () => {
  const context = useContext(RouteModalContext)
  if (!context) {
    throw new Error("useRouteModal must be used within a RouteDrawer or RouteFocusModal")
  }
  return context
}
