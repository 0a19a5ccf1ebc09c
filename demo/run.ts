import { runDemo } from './demo.js'

await runDemo((line) => console.log(line))
