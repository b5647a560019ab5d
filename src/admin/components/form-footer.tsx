import { RouteDrawer, RouteFocusModal } from "../lib/dashboard"
import { Button } from "@medusajs/ui"

type FormFooterProps = {
  /** Drawer or focus modal: each has its own footer and close. */
  in: "drawer" | "modal"
  submitLabel: string
  isPending: boolean
}

/** Cancel and submit, right-aligned, as at the foot of the dashboard's own forms. */
export const FormFooter = ({ in: container, submitLabel, isPending }: FormFooterProps) => {
  const { Footer, Close } = container === "drawer" ? RouteDrawer : RouteFocusModal
  return (
    <Footer>
      <div className="flex items-center justify-end gap-x-2">
        <Close asChild>
          <Button size="small" variant="secondary">
            Cancel
          </Button>
        </Close>
        <Button size="small" variant="primary" type="submit" isLoading={isPending}>
          {submitLabel}
        </Button>
      </div>
    </Footer>
  )
}
