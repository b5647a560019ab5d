const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
const MINUTES_IN_DAY = 1440
const MINUTES_IN_MONTH = 43200

const plural = (count: number, unit: string) => `${count} ${unit}${count === 1 ? "" : "s"}`

/** "Dec 5, 2026", or "Dec 5, 2026 3:04 PM" with the time. */
export function formatFullDate(value: string | Date, includeTime = false): string {
  const date = new Date(value)
  if (isNaN(date.getTime())) {
    return ""
  }
  const day = `${MONTHS[date.getMonth()]} ${date.getDate()}, ${date.getFullYear()}`
  if (!includeTime) {
    return day
  }
  const minutes = String(date.getMinutes()).padStart(2, "0")
  return `${day} ${date.getHours() % 12 || 12}:${minutes} ${date.getHours() < 12 ? "AM" : "PM"}`
}

/** Calendar months from the earlier date to the later, counting only completed ones. */
function wholeMonthsBetween(a: Date, b: Date): number {
  const [from, to] = a < b ? [a, b] : [b, a]
  const months = (to.getFullYear() - from.getFullYear()) * 12 + to.getMonth() - from.getMonth()
  const shifted = new Date(from)
  shifted.setMonth(from.getMonth() + months)
  return shifted > to ? months - 1 : months
}

/** "less than a minute ago", "about 3 hours ago", "in 2 days": the wording the dashboard's own pages use. */
export function formatRelativeDate(value: string | Date, now: Date = new Date()): string {
  const diff = new Date(value).getTime() - now.getTime()
  const minutes = Math.round(Math.abs(diff) / 60_000)
  let distance: string
  if (minutes < 1) {
    distance = "less than a minute"
  } else if (minutes < 45) {
    distance = plural(minutes, "minute")
  } else if (minutes < 90) {
    distance = "about 1 hour"
  } else if (minutes < MINUTES_IN_DAY) {
    distance = `about ${plural(Math.round(minutes / 60), "hour")}`
  } else if (minutes < 2520) {
    distance = "1 day"
  } else if (minutes < MINUTES_IN_MONTH) {
    distance = plural(Math.round(minutes / MINUTES_IN_DAY), "day")
  } else if (minutes < 2 * MINUTES_IN_MONTH) {
    distance = `about ${plural(Math.round(minutes / MINUTES_IN_MONTH), "month")}`
  } else if (minutes < 12 * MINUTES_IN_MONTH) {
    distance = plural(Math.round(minutes / MINUTES_IN_MONTH), "month")
  } else {
    const months = wholeMonthsBetween(new Date(value), now)
    const years = Math.floor(months / 12)
    const rest = months % 12
    distance =
      rest < 3 ? `about ${plural(years, "year")}` : rest < 9 ? `over ${plural(years, "year")}` : `almost ${plural(years + 1, "year")}`
  }
  return diff > 0 ? `in ${distance}` : `${distance} ago`
}

/** The dashboard's date formats (en-US, as the plugin's pages are written). */
export const useDate = () => ({
  getFullDate: ({ date, includeTime = false }: { date: string | Date; includeTime?: boolean }) =>
    formatFullDate(date, includeTime),
  getRelativeDate: (date: string | Date) => formatRelativeDate(date),
})
