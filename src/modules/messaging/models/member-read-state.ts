import { model } from "@medusajs/framework/utils"
import { Conversation } from "./conversation"

/** How far one affiliate member has read one conversation. */
export const MemberReadState = model
  .define({ name: "MemberReadState", tableName: "affiliate_member_read_state" }, {
    id: model.id({ prefix: "mrs" }).primaryKey(),
    member_id: model.text(),
    last_read_at: model.dateTime(),
    conversation: model.belongsTo(() => Conversation, { mappedBy: "read_states" }),
  })
  .indexes([
    {
      name: "IDX_member_read_state_unique",
      on: ["conversation_id", "member_id"],
      unique: true,
      where: "deleted_at IS NULL",
    },
  ])
