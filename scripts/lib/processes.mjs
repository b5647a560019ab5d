import { spawn } from "node:child_process"

/** Runs a command to completion, inheriting or capturing output; rejects on a non-zero exit. */
export function run(command, args, { cwd, env, quiet = false } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd,
      env,
      stdio: quiet ? ["ignore", "pipe", "pipe"] : "inherit",
    })
    let output = ""
    child.stdout?.on("data", (chunk) => (output += chunk))
    child.stderr?.on("data", (chunk) => (output += chunk))
    child.on("error", reject)
    child.on("exit", (code) =>
      code === 0
        ? resolve(output)
        : reject(new Error(`${command} ${args.join(" ")} exited with ${code}\n${output.slice(-4000)}`))
    )
  })
}

/** Starts a long-running command in its own process group, so stopping it stops its children too. */
export function startDetached(command, args, { cwd, env, logStream }) {
  const child = spawn(command, args, {
    cwd,
    env,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  })
  child.stdout.pipe(logStream, { end: false })
  child.stderr.pipe(logStream, { end: false })
  return {
    child,
    stop: () => stopGroup(child),
  }
}

/**
 * SIGTERM to the whole group, SIGKILL to whatever of it is left after the
 * timeout. Waits for the group, not the leader: `medusa develop` exits at
 * once and its `medusa start` child may still be shutting down (or stuck
 * in it, spinning the CPU for ever as an orphan).
 */
async function stopGroup(child, timeoutMs = 10_000) {
  signalGroup(child, "SIGTERM")
  if (!(await groupGone(child, timeoutMs))) {
    signalGroup(child, "SIGKILL")
    await groupGone(child, 5_000)
  }
}

async function groupGone(child, timeoutMs) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (!signalGroup(child, 0)) {
      return true
    }
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  return false
}

/** Whether the signal reached some process of the group. */
function signalGroup(child, signal) {
  try {
    process.kill(-child.pid, signal)
    return true
  } catch {
    return false
  }
}

/** Polls a URL until it answers 200 or the deadline passes. */
export async function waitForHttp(url, { timeoutMs = 180_000, isAlive = () => true } = {}) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (!isAlive()) {
      throw new Error(`the process serving ${url} exited`)
    }
    try {
      const res = await fetch(url)
      if (res.ok) {
        return
      }
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000}s`)
}
