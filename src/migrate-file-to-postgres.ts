/**
 * `npm run migrate:file-to-postgres`: copies DATA_FILE (and its archive and workspace files) into
 * the empty database at DATABASE_URL, counts checked; the file is only read. Stop the bot first.
 */
import { errorCode } from './errors.js'
import { copyFileToPostgres } from './store/postgres/copy-file.js'

const file = process.env.DATA_FILE || 'data/db.json'
const url = process.env.DATABASE_URL
if (!url) {
  console.error('DATABASE_URL is not set: say which PostgreSQL database to copy into (postgres://…)')
  process.exit(2)
}
try {
  const report = await copyFileToPostgres(file, url)
  const counts = Object.entries(report.copied)
    .map(([table, n]) => `${table} ${n}`)
    .join(', ')
  console.log(
    `copied ${file} into the database (${report.teams.length} workspace(s)): ${counts}; counts checked`,
  )
} catch (error) {
  console.error(`nothing was copied (${errorCode(error)}): ${(error as Error).message}`)
  process.exit(1)
}
