import { FocusModal } from "@medusajs/ui"
import type { PropsWithChildren } from "react"
import { RouteModalForm } from "./route-modal-form"
import { RouteModalProvider, useRouteModal, useRouteModalOpenState, type RouteModalTarget } from "./route-modal-provider"

const Root = ({ prev = "..", children }: PropsWithChildren<{ prev?: RouteModalTarget }>) => {
  const { open, onOpenChange, to } = useRouteModalOpenState(prev)
  return (
    <FocusModal open={open} onOpenChange={onOpenChange}>
      <RouteModalProvider prev={to}>
        <Content>{children}</Content>
      </RouteModalProvider>
    </FocusModal>
  )
}

const Content = ({ children }: PropsWithChildren) => {
  const { closeOnEscape } = useRouteModal()
  return (
    <FocusModal.Content onEscapeKeyDown={closeOnEscape ? undefined : (event) => event.preventDefault()}>
      {children}
    </FocusModal.Content>
  )
}

/** A full-screen modal on its own route (`@create`): closing it goes back to the page it opened over. */
export const RouteFocusModal = Object.assign(Root, {
  Header: FocusModal.Header,
  Title: FocusModal.Title,
  Body: FocusModal.Body,
  Description: FocusModal.Description,
  Footer: FocusModal.Footer,
  Close: FocusModal.Close,
  Form: RouteModalForm,
})
