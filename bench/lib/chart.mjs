import fs from "node:fs"
import os from "node:os"
import path from "node:path"

const SERIES = [
  ["floor_admin", "admin floor (no-op route)", "#9ca3af", "6 4"],
  ["floor_store", "store floor (no-op route)", "#d1d5db", "2 3"],
  ["floor_store_affiliate", "store floor + affiliate login", "#a3a3a3", "2 3"],
  ["medusa_products", "Medusa GET /admin/products?limit=20", "#ef4444", ""],
  ["inbox_all", "inbox (All)", "#2563eb", ""],
  ["inbox_search_text", "inbox search, common word", "#7c3aed", ""],
  ["inbox_search_rare", "inbox search, rare word", "#a78bfa", "6 4"],
  ["thread_admin", "thread page, 50 messages", "#059669", ""],
  ["badge", "affiliate badge (store)", "#d97706", ""],
  ["medusa_customers", "Medusa POST /admin/customers", "#f97316", "6 4"],
  ["send_owner", "owner send", "#0891b2", ""],
  ["send_affiliate", "affiliate send", "#0e7490", "2 3"],
]

/** p95 by scale as an SVG line chart (log scale), rendered to PNG by headless Chromium. */
export async function renderChart(report, pngPath) {
  const svg = chartSvg(report)
  const html = `<!doctype html><html><body style="margin:0;background:#fff">${svg}</body></html>`
  const { chromium } = await import("playwright-core")
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-chart-"))
  const browser = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    viewport: { width: 900, height: 520 },
  })
  try {
    const page = await browser.newPage()
    await page.setContent(html)
    await page.locator("svg").screenshot({ path: pngPath })
  } finally {
    await browser.close()
    fs.rmSync(userDataDir, { recursive: true, force: true })
  }
}

function chartSvg(report) {
  const width = 900
  const height = 520
  const m = { left: 130, right: 300, top: 50, bottom: 60 }
  const scales = Object.keys(report.scales)
  const values = SERIES.flatMap(([key]) => scales.map((s) => report.scales[s].paths[key]?.p95).filter((v) => v > 0))
  const lo = Math.log10(Math.min(...values) / 1.5)
  const hi = Math.log10(Math.max(...values) * 1.5)
  const x = (i) => m.left + (scales.length === 1 ? 0.5 : i / (scales.length - 1)) * (width - m.left - m.right)
  const y = (v) => height - m.bottom - ((Math.log10(v) - lo) / (hi - lo)) * (height - m.top - m.bottom)
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="sans-serif" font-size="12">`,
    `<rect width="${width}" height="${height}" fill="#fff"/>`,
    `<text x="${m.left}" y="28" font-size="16" font-weight="bold">p95 latency by program size (ms, log scale)</text>`,
  ]
  for (let e = Math.floor(lo); e <= Math.floor(hi); e++) {
    for (const f of [1, 2, 5]) {
      const v = f * 10 ** e
      if (Math.log10(v) < lo || Math.log10(v) > hi) continue
      parts.push(`<line x1="${m.left}" x2="${width - m.right}" y1="${y(v)}" y2="${y(v)}" stroke="#eee"/>`)
      parts.push(`<text x="${m.left - 8}" y="${y(v) + 4}" text-anchor="end" fill="#555">${v}</text>`)
    }
  }
  scales.forEach((s, i) => {
    const c = report.scales[s].counts
    parts.push(`<text x="${x(i)}" y="${height - m.bottom + 20}" text-anchor="middle" font-weight="bold">${s}</text>`)
    parts.push(`<text x="${x(i)}" y="${height - m.bottom + 36}" text-anchor="middle" fill="#555">${c.affiliates.toLocaleString("en")} affiliates · ${c.messages.toLocaleString("en")} messages</text>`)
  })
  SERIES.forEach(([key, label, color, dash], n) => {
    if (scales.some((s) => !report.scales[s].paths[key])) return
    const points = scales.map((s, i) => [x(i), y(report.scales[s].paths[key].p95)])
    parts.push(`<polyline fill="none" stroke="${color}" stroke-width="2.5" stroke-dasharray="${dash}" points="${points.map((p) => p.join(",")).join(" ")}"/>`)
    for (const [px, py] of points) parts.push(`<circle cx="${px}" cy="${py}" r="3.5" fill="${color}"/>`)
    const ly = m.top + 10 + n * 22
    parts.push(`<line x1="${width - m.right + 20}" x2="${width - m.right + 44}" y1="${ly}" y2="${ly}" stroke="${color}" stroke-width="2.5" stroke-dasharray="${dash}"/>`)
    parts.push(`<text x="${width - m.right + 50}" y="${ly + 4}">${label}</text>`)
  })
  parts.push(`<text x="${m.left}" y="${height - 8}" fill="#777">${report.machine.cores} cores · ${report.settings.connections} connections · production build · ${report.date.slice(0, 10)}</text>`)
  parts.push("</svg>")
  return parts.join("")
}
