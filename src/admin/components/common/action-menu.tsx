import { EllipsisHorizontal } from "@medusajs/icons"
import { DropdownMenu, IconButton, Tooltip, clx } from "@medusajs/ui"
import type { PropsWithChildren, ReactNode } from "react"
import { Link } from "react-router-dom"

export type Action = {
  icon: ReactNode
  label: string
  disabled?: boolean
  /** Shown on hover while the action is disabled. */
  disabledTooltip?: ReactNode
} & ({ to: string; onClick?: never } | { onClick: () => void; to?: never })

export type ActionGroup = {
  actions: Action[]
}

export type ActionMenuProps = PropsWithChildren<{
  groups: ActionGroup[]
  variant?: "transparent" | "primary"
}>

const itemClassName = (disabled?: boolean) =>
  clx("[&_svg]:text-ui-fg-subtle flex items-center gap-x-2", { "[&_svg]:text-ui-fg-disabled": disabled })

const ActionItem = ({ action }: { action: Action }) => {
  const item = action.onClick ? (
    <DropdownMenu.Item
      disabled={action.disabled}
      onClick={(event) => {
        event.stopPropagation()
        action.onClick()
      }}
      className={itemClassName(action.disabled)}
    >
      {action.icon}
      <span>{action.label}</span>
    </DropdownMenu.Item>
  ) : (
    <DropdownMenu.Item className={itemClassName(action.disabled)} asChild disabled={action.disabled}>
      <Link to={action.to!} onClick={(event) => event.stopPropagation()}>
        {action.icon}
        <span>{action.label}</span>
      </Link>
    </DropdownMenu.Item>
  )
  return action.disabled && action.disabledTooltip ? (
    <Tooltip content={action.disabledTooltip} side="right">
      <div>{item}</div>
    </Tooltip>
  ) : (
    <div>{item}</div>
  )
}

/** The "…" menu at the top right of a section: groups of actions, links or callbacks. */
export const ActionMenu = ({ groups, variant = "transparent", children }: ActionMenuProps) => (
  <DropdownMenu>
    <DropdownMenu.Trigger asChild>
      {children ?? (
        <IconButton size="small" variant={variant}>
          <EllipsisHorizontal />
        </IconButton>
      )}
    </DropdownMenu.Trigger>
    <DropdownMenu.Content>
      {groups.map((group, index) =>
        group.actions.length ? (
          <DropdownMenu.Group key={index}>
            {group.actions.map((action, actionIndex) => (
              <ActionItem key={actionIndex} action={action} />
            ))}
            {index < groups.length - 1 && <DropdownMenu.Separator />}
          </DropdownMenu.Group>
        ) : null,
      )}
    </DropdownMenu.Content>
  </DropdownMenu>
)
