import { format, formatDistance } from "date-fns"
import { formatFullDate, formatRelativeDate } from "../use-date"

/**
 * The pages' dates read as the dashboard's own (date-fns, en-US, which the
 * dashboard of every supported Medusa bundles): the same words for the same
 * distances, so a page of the plugin and a page of Medusa agree.
 */
const NOW = new Date("2026-03-14T15:09:26Z")
const MINUTE = 60_000

describe("the admin's date formats", () => {
  it.each([
    "2026-03-14T15:09:26Z",
    "2026-01-01T00:00:00Z",
    "2025-12-31T23:59:59Z",
    "2026-07-04T12:30:00Z",
    "2026-11-09T00:05:00Z",
  ])("writes %s as the dashboard does, with and without the time", (iso) => {
    // the dashboard's "PP " ends in a space, which HTML does not show
    expect(formatFullDate(iso)).toBe(format(new Date(iso), "PP ").trimEnd())
    expect(formatFullDate(iso, true)).toBe(format(new Date(iso), "PP p"))
  })

  it("leaves an invalid date empty", () => {
    expect(formatFullDate("not a date")).toBe("")
  })

  it.each([
    0, 0.4, 0.6, 1, 1.6, 2, 44, 45, 89, 90, 150, 60 * 23.4, 60 * 23.6, 60 * 30, 60 * 41, 60 * 43, 60 * 24 * 5,
    60 * 24 * 29.6, 60 * 24 * 31, 60 * 24 * 45, 60 * 24 * 70, 60 * 24 * 200, 60 * 24 * 370, 60 * 24 * 500,
    60 * 24 * 700, 60 * 24 * 1000, 60 * 24 * 1100, 60 * 24 * 2000,
  ])("words a distance of %s minutes as the dashboard does, past and future", (minutes) => {
    for (const sign of [-1, 1]) {
      const date = new Date(NOW.getTime() + sign * minutes * MINUTE)
      expect([minutes * sign, formatRelativeDate(date, NOW)]).toEqual([
        minutes * sign,
        formatDistance(date, NOW, { addSuffix: true }),
      ])
    }
  })
})
