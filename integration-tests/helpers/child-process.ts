import { ChildProcess } from "child_process"
import fs from "fs"
import os from "os"
import path from "path"
import { freePortSync } from "./ports"

/** Sends `signal` to a child that is still running and waits for it to exit. */
export async function endChild(child: ChildProcess | undefined, signal: NodeJS.Signals = "SIGTERM"): Promise<void> {
  if (child && child.exitCode === null && child.signalCode === null) {
    const exited = new Promise((resolve) => child.once("exit", resolve))
    child.kill(signal)
    await exited
  }
}

/**
 * A server binary the test runs itself, on a free port with a folder of
 * its own: started by a subclass, stopped with SIGTERM (killed if the test
 * process exits first), restartable on the same port and folder.
 */
export abstract class LocalServer {
  readonly port = freePortSync()
  readonly dir: string
  protected process_?: ChildProcess
  protected readonly onExit_ = () => this.process_?.kill("SIGKILL")

  constructor(name: string) {
    this.dir = fs.mkdtempSync(path.join(os.tmpdir(), `affmsg-${name}-`))
  }

  /** Whether the server answers on its port yet. */
  protected abstract answers(): Promise<boolean>

  /** Runs `child` as this server and waits until it answers; `failure` says why it did not. */
  protected async run(child: ChildProcess, timeoutMs: number, failure: () => string): Promise<this> {
    this.process_ = child
    process.once("exit", this.onExit_)
    const deadline = Date.now() + timeoutMs
    while (!(await this.answers())) {
      if (child.exitCode !== null || Date.now() > deadline) {
        throw new Error(failure())
      }
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
    return this
  }

  /** SIGTERM, then waits for the exit. */
  async stop() {
    process.removeListener("exit", this.onExit_)
    const child = this.process_
    this.process_ = undefined
    await endChild(child)
  }

  /** Stops it and removes its files. */
  async remove() {
    await this.stop()
    fs.rmSync(this.dir, { recursive: true, force: true })
  }
}
