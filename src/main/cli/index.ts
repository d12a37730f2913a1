import { runCli } from './cli'

/** `npm run cli -- <command> [options]`; `npm run demo -- [--scale n]` is `cli demo`. */
function main(): void {
  runCli(process.argv.slice(2), {
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
    env: process.env
  })
    .then((code) => {
      process.exitCode = code
    })
    .catch((e: unknown) => {
      process.stderr.write(`hooldus: ${e instanceof Error ? e.message : String(e)}\n`)
      process.exitCode = 1
    })
}

main()
