import type { StoreConversation } from "../../types/http/index.js"

const formatters = new Map<string, Intl.DateTimeFormat>()
function format(date: Date, options: Intl.DateTimeFormatOptions, locale?: string) {
  const key = `${locale ?? ""}|${JSON.stringify(options)}`
  let formatter = formatters.get(key)
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, options)
    formatters.set(key, formatter)
  }
  return formatter.format(date)
}

const sameDay = (a: Date, b: Date) =>
  a.getFullYear() === b.getFullYear() && a.getMonth() === b.getMonth() && a.getDate() === b.getDate()

/** For lists: the time today, the weekday this week, else the date. */
export function shortDate(iso: string | null | undefined, locale?: string, now = new Date()): string {
  if (!iso) {
    return ""
  }
  const date = new Date(iso)
  if (sameDay(date, now)) {
    return format(date, { hour: "numeric", minute: "2-digit" }, locale)
  }
  const days = (now.getTime() - date.getTime()) / 86_400_000
  if (days > 0 && days < 6) {
    return format(date, { weekday: "short" }, locale)
  }
  return format(
    date,
    date.getFullYear() === now.getFullYear()
      ? { day: "numeric", month: "short" }
      : { day: "numeric", month: "short", year: "numeric" },
    locale
  )
}

export const timeOfDay = (iso: string, locale?: string) =>
  format(new Date(iso), { hour: "numeric", minute: "2-digit" }, locale)

export const fullDate = (iso: string, locale?: string) =>
  format(new Date(iso), { dateStyle: "full", timeStyle: "short" }, locale)

/** Day separators in a thread: Today, Yesterday, or the date. */
export function dayLabel(iso: string, locale?: string, now = new Date()): string {
  const date = new Date(iso)
  if (sameDay(date, now)) {
    return "Today"
  }
  const yesterday = new Date(now)
  yesterday.setDate(now.getDate() - 1)
  if (sameDay(date, yesterday)) {
    return "Yesterday"
  }
  return format(
    date,
    date.getFullYear() === now.getFullYear()
      ? { weekday: "long", day: "numeric", month: "long" }
      : { day: "numeric", month: "long", year: "numeric" },
    locale
  )
}

export const dayKey = (iso: string) => {
  const date = new Date(iso)
  return `${date.getFullYear()}-${date.getMonth()}-${date.getDate()}`
}

/** The team thread is everyone's at the affiliate; a member thread is this member's own. */
export function conversationTitle(conversation: StoreConversation): { title: string; subtitle: string } {
  return conversation.member
    ? { title: "Private conversation", subtitle: "Only you and the store" }
    : { title: "Team conversation", subtitle: `Everyone at ${conversation.affiliate.name} and the store` }
}

export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean)
  return (words.length > 1 ? words[0][0] + words[words.length - 1][0] : (words[0] ?? "?").slice(0, 2)).toUpperCase()
}
