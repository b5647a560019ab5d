import knexFactory from "knex"
import { InboxRepository } from "./modules/messaging/repositories/inbox"
import { SearchRepository } from "./modules/messaging/repositories/search"
import { TallyRepository } from "./modules/messaging/repositories/tally"
const knex = knexFactory({ client: "pg" })
const repo: any = Object.create(InboxRepository.prototype)
repo.search_ = Object.create(SearchRepository.prototype)
repo.tally_ = Object.create(TallyRepository.prototype)
const q = process.argv[2]
const common = { conversation: new Set<string>(), message: new Set<string>() }
const st = repo.inboxStatement(knex, { q, limit: 20, offset: 0 }, common as any)
const native = st.toSQL().toNative()
console.log(JSON.stringify(native))
