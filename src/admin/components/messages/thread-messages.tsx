import { Button, Text } from "@medusajs/ui"
import { useEffect, useLayoutEffect, useMemo, useRef } from "react"
import { useThreadMessages } from "../../hooks/api/messages"
import { MessageBubble } from "./message-bubble"

/**
 * The conversation, oldest at the top. Opens scrolled to the newest message,
 * follows new ones, and loads earlier pages on demand.
 */
export const ThreadMessages = ({ conversationId }: { conversationId: string }) => {
  const { data, fetchNextPage, hasNextPage, isFetchingNextPage, isPending, isError, error } =
    useThreadMessages(conversationId)
  const scroller = useRef<HTMLDivElement>(null)
  const newestId = useRef<string | undefined>(undefined)

  const messages = useMemo(
    () => (data?.pages ?? []).slice().reverse().flatMap((page) => page.messages),
    [data]
  )
  const latest = messages[messages.length - 1]?.id

  // jump to the bottom when the thread opens or a newer message arrives, not when older pages load
  useLayoutEffect(() => {
    if (latest && latest !== newestId.current && scroller.current) {
      scroller.current.scrollTop = scroller.current.scrollHeight
    }
    newestId.current = latest
  }, [latest])

  // images change the height after first paint
  useEffect(() => {
    const element = scroller.current
    if (!element) {
      return
    }
    const onLoad = () => {
      if (element.scrollHeight - element.scrollTop - element.clientHeight < 400) {
        element.scrollTop = element.scrollHeight
      }
    }
    element.addEventListener("load", onLoad, true)
    return () => element.removeEventListener("load", onLoad, true)
  }, [])

  if (isError) {
    throw error
  }

  return (
    <div ref={scroller} className="flex max-h-[60vh] min-h-[240px] flex-col gap-y-4 overflow-y-auto px-6 py-4" data-testid="thread-messages">
      {hasNextPage && (
        <div className="flex justify-center">
          <Button size="small" variant="secondary" onClick={() => fetchNextPage()} isLoading={isFetchingNextPage}>
            Load earlier messages
          </Button>
        </div>
      )}
      {isPending && (
        <Text size="small" className="text-ui-fg-muted">
          Loading messages…
        </Text>
      )}
      {!isPending && messages.length === 0 && (
        <Text size="small" className="text-ui-fg-muted">
          No messages yet.
        </Text>
      )}
      {messages.map((message) => (
        <MessageBubble key={message.id} message={message} />
      ))}
    </div>
  )
}
