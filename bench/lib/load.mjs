import autocannon from "autocannon"

/**
 * Load runs with autocannon at fixed concurrency. Every response time is
 * kept, so percentiles are exact (autocannon's own summary has p90 and
 * p97.5, not p95).
 */

/** One path: a warm-up that is not measured, then `durationS` measured seconds. */
export async function measure({ url, method, headers, body, idReplacement, connections, durationS, warmupS = 2 }) {
  const samples = newSamples()
  await collect(requestOptions({ url, method, headers, body, idReplacement, connections }), { warmupS, durationS }, samples)
  return summarize(samples, durationS)
}

/**
 * Several paths, each measured `durationS` seconds in total but in `rounds`
 * slices taken in turn (A B C, A B C, …), so drift over the minutes of a
 * run (autovacuum, caches, the machine's other work) falls on every path
 * alike instead of on whichever ran at the wrong moment. Each slice starts
 * with a short unmeasured warm-up (fresh connections). `afterSlice(name,
 * acknowledged)` is awaited after each slice with that slice's 2xx answers,
 * warm-up included (the writes wait there for the emails it queued).
 */
export async function measureInterleaved(specs, { connections, durationS, rounds, warmupS = 0.5, afterSlice }) {
  const names = Object.keys(specs)
  const samples = Object.fromEntries(names.map((name) => [name, newSamples()]))
  for (let round = 0; round < rounds; round++) {
    for (const name of names) {
      const before = samples[name].acknowledged
      await collect(requestOptions({ ...specs[name], connections }), { warmupS, durationS: durationS / rounds }, samples[name])
      await afterSlice?.(name, samples[name].acknowledged - before)
    }
  }
  return Object.fromEntries(names.map((name) => [name, summarize(samples[name], durationS)]))
}

// idReplacement: autocannon writes a fresh uuid for each `[<id>]` in the body (unique emails)
function requestOptions({ url, method = "GET", headers = {}, body, idReplacement = false, connections }) {
  return {
    url,
    method,
    headers: body ? { "content-type": "application/json", ...headers } : headers,
    body: body ? JSON.stringify(body) : undefined,
    idReplacement,
    connections,
  }
}

function newSamples() {
  return { latencies: [], statuses: new Map(), failures: 0, acknowledged: 0 }
}

async function collect(options, { warmupS, durationS }, samples) {
  const countAcknowledged = (status) => {
    if (status < 300) samples.acknowledged++
  }
  if (warmupS) {
    await run({ ...options, duration: warmupS }, countAcknowledged)
  }
  const result = await run({ ...options, duration: durationS }, (status, ms) => {
    countAcknowledged(status)
    samples.latencies.push(ms)
    samples.statuses.set(status, (samples.statuses.get(status) ?? 0) + 1)
  })
  samples.failures += result.errors + result.timeouts
}

function summarize(samples, durationS) {
  const latencies = [...samples.latencies].sort((a, b) => a - b)
  const errors = samples.failures + [...samples.statuses].filter(([s]) => s >= 400).reduce((n, [, c]) => n + c, 0)
  return {
    requests: latencies.length,
    rps: round(latencies.length / durationS, 1),
    p50: round(percentile(latencies, 50)),
    p95: round(percentile(latencies, 95)),
    p99: round(percentile(latencies, 99)),
    errors,
    statuses: Object.fromEntries(samples.statuses),
    // 2xx answers, warm-ups included: what a send run left to email
    acknowledged: samples.acknowledged,
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
