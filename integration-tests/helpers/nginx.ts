import { ChildProcess, spawn, spawnSync } from "child_process"
import fs from "fs"
import os from "os"
import path from "path"
import { freePortSync } from "./ports"

/**
 * nginx (the `nginx` binary, when installed) in front of one upstream, with
 * the settings docs/guides/operations.md recommends for the live update
 * streams and nginx's defaults otherwise (`proxy_buffering on`). The
 * access log strips `ticket=` from request URIs with the `map` the guide
 * shows.
 */
export class NginxProxy {
  readonly port = freePortSync()
  readonly dir = fs.mkdtempSync(path.join(os.tmpdir(), "affmsg-nginx-"))
  protected process_?: ChildProcess

  static available(): boolean {
    return !spawnSync("nginx", ["-v"]).error
  }

  constructor(
    protected readonly upstream: string,
    protected readonly readTimeoutSeconds: number
  ) {}

  get url() {
    return `http://127.0.0.1:${this.port}`
  }

  get accessLog() {
    const file = path.join(this.dir, "access.log")
    return fs.existsSync(file) ? fs.readFileSync(file, "utf8") : ""
  }

  async start(): Promise<this> {
    const dir = this.dir
    fs.writeFileSync(
      path.join(dir, "nginx.conf"),
      `pid ${dir}/nginx.pid;
error_log ${dir}/error.log;
events {}
http {
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  map $request_uri $redacted_uri {
    "~^(?<before>.*[?&]ticket=)[^&]*(?<after>.*)$" "$before[redacted]$after";
    default $request_uri;
  }
  log_format redacted '$remote_addr [$time_local] "$request_method $redacted_uri" $status $body_bytes_sent';
  access_log ${dir}/access.log redacted;
  server {
    listen 127.0.0.1:${this.port};
    location / {
      proxy_pass ${this.upstream.replace("localhost", "127.0.0.1")};
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_read_timeout ${this.readTimeoutSeconds}s;
    }
  }
}
`
    )
    this.process_ = spawn("nginx", ["-p", dir, "-c", path.join(dir, "nginx.conf"), "-g", "daemon off; master_process off;"], {
      stdio: "ignore",
    })
    const deadline = Date.now() + 10_000
    for (;;) {
      const answered = await fetch(`${this.url}/health`).then(
        () => true,
        () => false
      )
      if (answered) return this
      if (this.process_.exitCode !== null || Date.now() > deadline) {
        throw new Error(`nginx did not start: ${fs.readFileSync(path.join(dir, "error.log"), "utf8").slice(-2000)}`)
      }
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
  }

  async stop() {
    const child = this.process_
    if (child && child.exitCode === null) {
      const exited = new Promise((resolve) => child.once("exit", resolve))
      child.kill("SIGQUIT")
      await exited
    }
    fs.rmSync(this.dir, { recursive: true, force: true })
  }
}
