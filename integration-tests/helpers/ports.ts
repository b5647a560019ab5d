import { spawnSync } from "child_process"

/** A free TCP port, found synchronously by a child node process. */
export function freePortSync(): number {
  const { stdout } = spawnSync(process.execPath, [
    "-e",
    `const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})`,
  ])
  return Number(String(stdout).trim())
}
