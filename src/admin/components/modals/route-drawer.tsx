import { Drawer } from "@medusajs/ui"
import type { PropsWithChildren } from "react"
import { RouteModalForm } from "./route-modal-form"
import { RouteModalProvider, useRouteModalOpenState, type RouteModalTarget } from "./route-modal-provider"

const Root = ({ prev = "..", children }: PropsWithChildren<{ prev?: RouteModalTarget }>) => {
  const { open, onOpenChange, to } = useRouteModalOpenState(prev)
  return (
    <Drawer open={open} onOpenChange={onOpenChange}>
      <RouteModalProvider prev={to}>
        <Drawer.Content aria-describedby={undefined}>{children}</Drawer.Content>
      </RouteModalProvider>
    </Drawer>
  )
}

/** A drawer on its own route (`@edit`): closing it goes back to the page it opened over. */
export const RouteDrawer = Object.assign(Root, {
  Header: Drawer.Header,
  Title: Drawer.Title,
  Body: Drawer.Body,
  Description: Drawer.Description,
  Footer: Drawer.Footer,
  Close: Drawer.Close,
  Form: RouteModalForm,
})
