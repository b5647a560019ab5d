import { toast } from "@medusajs/ui"
import type { Conversation } from "../../../types/http"
import { useAffiliateGroup } from "../../hooks/api/affiliate-groups"
import { useSendMessage } from "../../hooks/api/messages"
import { useMessagingSettings } from "../../hooks/api/messaging-settings"
import { ownerWriteBlock } from "../../lib/owner-write-block"
import { Composer } from "./composer"
import { ComposerUnavailable } from "./composer-unavailable"

/** The composer, or why the store cannot write here and where to change it. */
export const ThreadReply = ({ conversation }: { conversation: Conversation }) => {
  const { settings } = useMessagingSettings()
  const { affiliate_group } = useAffiliateGroup(conversation.affiliate.group_id)
  const send = useSendMessage(conversation.id)
  const block = ownerWriteBlock(conversation, settings, affiliate_group)

  return (
    <div className="px-6 py-4">
      {block ? (
        <ComposerUnavailable block={block} />
      ) : (
        <Composer
          placeholder={`Reply to ${conversation.affiliate.name}…`}
          isSending={send.isPending}
          onSend={(message) =>
            send.mutateAsync(message).then(() => toast.success("Message sent"))
          }
        />
      )}
    </div>
  )
}
