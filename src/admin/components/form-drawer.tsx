import { RouteDrawer } from "../lib/dashboard"
import { Heading } from "@medusajs/ui"
import type { ReactNode } from "react"

/** A `@`-route drawer: title, a description for screen readers, the form. */
export const FormDrawer = ({
  title,
  description,
  children,
}: {
  title: string
  description: string
  children: ReactNode
}) => (
  <RouteDrawer>
    <RouteDrawer.Header>
      <RouteDrawer.Title asChild>
        <Heading>{title}</Heading>
      </RouteDrawer.Title>
      <RouteDrawer.Description className="sr-only">{description}</RouteDrawer.Description>
    </RouteDrawer.Header>
    {children}
  </RouteDrawer>
)
