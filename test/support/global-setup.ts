import { buildDist } from './bot-process.js'

/** Once before every test file: the tests that run the bot as deployed need dist/ built. */
export function setup(): void {
  buildDist()
}
