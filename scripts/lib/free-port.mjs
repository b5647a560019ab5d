import net from "node:net"

/** A TCP port the OS says is free right now on 127.0.0.1. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.unref()
    server.on("error", reject)
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address()
      server.close(() => resolve(port))
    })
  })
}

/** True when something accepts TCP connections at host:port. */
export function isListening(port, host = "127.0.0.1", timeoutMs = 1000) {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host })
    const done = (result) => {
      socket.destroy()
      resolve(result)
    }
    socket.setTimeout(timeoutMs, () => done(false))
    socket.once("connect", () => done(true))
    socket.once("error", () => done(false))
  })
}

/** The first line an SMTP server at host:port greets with ("220 ..."), or null when none came. */
export function smtpGreeting(port, host = "127.0.0.1", timeoutMs = 2000) {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host })
    let received = ""
    const done = (result) => {
      socket.destroy()
      resolve(result)
    }
    socket.setTimeout(timeoutMs, () => done(null))
    socket.on("data", (chunk) => {
      received += chunk
      if (received.includes("\n")) done(received.split(/\r?\n/)[0])
    })
    socket.once("error", () => done(null))
    socket.once("close", () => done(received ? received.split(/\r?\n/)[0] : null))
  })
}

/**
 * Waits until an SMTP server at host:port greets with 220; throws after
 * `timeoutMs` or when `isAlive` says the process that should serve it exited.
 */
export async function waitForSmtp(port, host = "127.0.0.1", { timeoutMs = 60_000, isAlive = () => true } = {}) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (!isAlive()) throw new Error(`the process that should listen for SMTP on ${host}:${port} exited`)
    const greeting = await smtpGreeting(port, host)
    if (greeting?.startsWith("220")) return greeting
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  throw new Error(`nothing greeted with SMTP 220 on ${host}:${port} within ${timeoutMs / 1000} s`)
}
