import { model } from "@medusajs/framework/utils"
import { AFFILIATE_STATUSES } from "../../../types/affiliate"
import { Message } from "./message"
import { MemberReadState } from "./member-read-state"

/**
 * One thread per (affiliate, audience): `member_id` null is the whole team.
 * The affiliate_* columns are copies from the affiliate module (kept current by
 * the plugin's workflows, decision 0013) so inbox filters and search stay single-table queries;
 * the member_* columns copy a member thread's member the same way, so a
 * list page needs no second query for names.
 */
export const Conversation = model
  .define({ name: "Conversation", tableName: "affiliate_conversation" }, {
    id: model.id({ prefix: "conv" }).primaryKey(),
    affiliate_id: model.text(),
    member_id: model.text().nullable(),
    affiliate_name: model.text(),
    affiliate_email: model.text(),
    affiliate_status: model.enum([...AFFILIATE_STATUSES]),
    affiliate_group_id: model.text().nullable(),
    affiliate_manager_id: model.text().nullable(),
    member_first_name: model.text().nullable(),
    member_last_name: model.text().nullable(),
    member_email: model.text().nullable(),
    last_message_at: model.dateTime().nullable(),
    last_message_preview: model.text().nullable(),
    last_owner_message_at: model.dateTime().nullable(),
    message_count: model.number().default(0),
    owner_unread: model.boolean().default(false),
    owner_read_at: model.dateTime().nullable(),
    messages: model.hasMany(() => Message, { mappedBy: "conversation" }),
    read_states: model.hasMany(() => MemberReadState, {
      mappedBy: "conversation",
    }),
  })
  .indexes([
    {
      name: "IDX_conversation_team_unique",
      on: ["affiliate_id"],
      unique: true,
      where: "member_id IS NULL AND deleted_at IS NULL",
    },
    {
      name: "IDX_conversation_member_unique",
      on: ["affiliate_id", "member_id"],
      unique: true,
      where: "member_id IS NOT NULL AND deleted_at IS NULL",
    },
    { name: "IDX_conversation_activity", on: ["last_message_at", "id"] },
    {
      name: "IDX_conversation_owner_unread",
      on: ["last_message_at", "id"],
      where: "owner_unread = true AND deleted_at IS NULL",
    },
    { name: "IDX_conversation_status_activity", on: ["affiliate_status", "last_message_at"] },
    { name: "IDX_conversation_group_activity", on: ["affiliate_group_id", "last_message_at"] },
    { name: "IDX_conversation_manager_activity", on: ["affiliate_manager_id", "last_message_at"] },
    { name: "IDX_conversation_member_id", on: ["member_id"], where: "member_id IS NOT NULL AND deleted_at IS NULL" },
  ])
