import { createElement } from "react"
import {
  AffiliateInviteEmail,
  AffiliateInviteEmailProps,
  affiliateInviteSubject,
} from "./affiliate-invite-email"
import { MessageDigestEmail, MessageDigestEmailProps, messageDigestSubject } from "./message-digest-email"
import { NewMessageEmail, NewMessageEmailProps, newMessageSubject } from "./new-message-email"
import { renderEmail } from "./render-email"

export const renderNewMessageEmail = (props: NewMessageEmailProps) =>
  renderEmail(newMessageSubject(props), createElement(NewMessageEmail, props))

export const renderAffiliateInviteEmail = (props: AffiliateInviteEmailProps) =>
  renderEmail(affiliateInviteSubject(props), createElement(AffiliateInviteEmail, props))

export const renderMessageDigestEmail = (props: MessageDigestEmailProps) =>
  renderEmail(messageDigestSubject(props), createElement(MessageDigestEmail, props))
