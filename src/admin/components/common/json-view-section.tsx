import { ArrowUpRightOnBox, SquareTwoStack, TriangleDownMini, XMarkMini } from "@medusajs/icons"
import { Badge, Container, Drawer, Heading, IconButton, Kbd, clx, toast } from "@medusajs/ui"
import { useState } from "react"

const keyCount = (count: number) => `${count} ${count === 1 ? "key" : "keys"}`

/** The raw record, as on Medusa Admin's own detail pages: a "JSON" row that opens it in a drawer. */
export const JsonViewSection = ({ data }: { data: object; title?: string }) => {
  const count = Object.keys(data).length
  const copy = async () => {
    await navigator.clipboard.writeText(JSON.stringify(data, null, 2))
    toast.success("JSON copied")
  }

  return (
    <Container className="flex items-center justify-between px-6 py-4">
      <div className="flex items-center gap-x-4">
        <Heading level="h2">JSON</Heading>
        <Badge size="2xsmall" rounded="full">
          {keyCount(count)}
        </Badge>
      </div>
      <Drawer>
        <Drawer.Trigger asChild>
          <IconButton size="small" variant="transparent" className="text-ui-fg-muted hover:text-ui-fg-subtle">
            <ArrowUpRightOnBox />
          </IconButton>
        </Drawer.Trigger>
        <Drawer.Content
          dir="ltr"
          className="bg-ui-contrast-bg-base text-ui-code-fg-subtle !shadow-elevation-commandbar overflow-hidden border border-none max-md:inset-x-2 max-md:max-w-[calc(100%-16px)]"
        >
          <div className="bg-ui-code-bg-base flex items-center justify-between px-6 py-4">
            <div className="flex items-center gap-x-4">
              <Drawer.Title asChild>
                <Heading className="text-ui-contrast-fg-primary">
                  JSON <span className="text-ui-fg-subtle">· {keyCount(count)}</span>
                </Heading>
              </Drawer.Title>
              <Drawer.Description className="sr-only">View the JSON data for this object.</Drawer.Description>
            </div>
            <div className="flex items-center gap-x-2">
              <IconButton size="small" variant="transparent" onClick={copy} className={CONTRAST_BUTTON}>
                <SquareTwoStack />
              </IconButton>
              <Kbd className="bg-ui-contrast-bg-subtle border-ui-contrast-border-base text-ui-contrast-fg-secondary">esc</Kbd>
              <Drawer.Close asChild>
                <IconButton size="small" variant="transparent" className={CONTRAST_BUTTON}>
                  <XMarkMini />
                </IconButton>
              </Drawer.Close>
            </div>
          </div>
          <Drawer.Body className="flex flex-1 flex-col overflow-hidden px-[5px] py-0 pb-[5px]">
            <div className="bg-ui-contrast-bg-subtle flex-1 overflow-auto rounded-b-[4px] rounded-t-lg p-3 font-mono text-xs">
              <JsonNode value={data} depth={0} />
            </div>
          </Drawer.Body>
        </Drawer.Content>
      </Drawer>
    </Container>
  )
}

const CONTRAST_BUTTON =
  "text-ui-contrast-fg-secondary hover:text-ui-contrast-fg-primary hover:bg-ui-contrast-bg-base-hover active:bg-ui-contrast-bg-base-pressed focus-visible:bg-ui-contrast-bg-base-hover focus-visible:shadow-borders-interactive-with-active"

/** One value of the tree; objects and arrays below the top level start folded. */
const JsonNode = ({ value, depth }: { value: unknown; depth: number }) => {
  if (value === null) {
    return <span className="text-ui-tag-red-icon">null</span>
  }
  if (value === undefined) {
    return <span className="text-ui-tag-blue-icon">undefined</span>
  }
  if (typeof value === "string") {
    return <span className="text-ui-tag-green-icon break-all">{value}</span>
  }
  if (typeof value !== "object") {
    return <span className="text-ui-tag-orange-icon">{String(value)}</span>
  }
  return <JsonBranch value={value} depth={depth} />
}

const JsonBranch = ({ value, depth }: { value: object; depth: number }) => {
  const [open, setOpen] = useState(depth < 1)
  const entries = Object.entries(value)
  const [opening, closing] = Array.isArray(value) ? ["[", "]"] : ["{", "}"]
  return (
    <details open={open} onToggle={(event) => setOpen(event.currentTarget.open)} className="inline">
      <summary className="text-ui-contrast-fg-secondary inline-flex cursor-pointer list-none items-center">
        <TriangleDownMini className={clx("-ml-[0.5px]", { "-rotate-90": !open })} />
        {opening}
        {!open && (
          <span className="ml-2">
            {entries.length} {entries.length === 1 ? "item" : "items"} {closing}
          </span>
        )}
      </summary>
      <div className="border-ui-contrast-border-base ml-2 border-l pl-4">
        {entries.map(([key, child]) => (
          <div key={key}>
            <span className="text-ui-contrast-fg-primary">{key}</span>
            <span className="text-ui-contrast-fg-primary mr-1">:</span>
            <JsonNode value={child} depth={depth + 1} />
          </div>
        ))}
      </div>
      <span className="text-ui-contrast-fg-secondary">{closing}</span>
    </details>
  )
}
