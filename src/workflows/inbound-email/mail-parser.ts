/**
 * mailparser, loaded with the first reply email a process reads, not at
 * boot: Medusa loads every file under `src/workflows` in every store, and
 * most never receive one (decision 0043). Node caches the module after.
 */
export const mailparser = () => require("mailparser") as typeof import("mailparser")
