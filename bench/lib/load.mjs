import autocannon from "autocannon"

/**
 * One load run with autocannon at fixed concurrency: a warm-up that is not
 * measured, then `durationS` seconds whose every response time is kept, so
 * p95 is exact (autocannon's own summary has p90 and p97.5, not p95).
 */
export async function measure({ url, method = "GET", headers = {}, body, connections, durationS, warmupS = 2 }) {
  const options = {
    url,
    method,
    headers: body ? { "content-type": "application/json", ...headers } : headers,
    body: body ? JSON.stringify(body) : undefined,
    connections,
  }
  let acknowledged = 0
  const countAcknowledged = (status) => {
    if (status < 300) acknowledged++
  }
  if (warmupS) {
    await run({ ...options, duration: warmupS }, countAcknowledged)
  }
  const latencies = []
  const statuses = new Map()
  const result = await run({ ...options, duration: durationS }, (status, ms) => {
    countAcknowledged(status)
    latencies.push(ms)
    statuses.set(status, (statuses.get(status) ?? 0) + 1)
  })
  latencies.sort((a, b) => a - b)
  const errors = result.errors + result.timeouts + [...statuses].filter(([s]) => s >= 400).reduce((n, [, c]) => n + c, 0)
  return {
    requests: latencies.length,
    rps: round(latencies.length / durationS, 1),
    p50: round(percentile(latencies, 50)),
    p95: round(percentile(latencies, 95)),
    p99: round(percentile(latencies, 99)),
    errors,
    statuses: Object.fromEntries(statuses),
    // 2xx answers, warm-up included: what a send run left to email
    acknowledged,
  }
}

function run(options, onResponse) {
  return new Promise((resolve, reject) => {
    const instance = autocannon(options, (error, result) => (error ? reject(error) : resolve(result)))
    instance.on("response", (_client, status, _bytes, ms) => onResponse(status, ms))
  })
}

function percentile(sorted, p) {
  if (!sorted.length) return NaN
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]
}

export const round = (value, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits
