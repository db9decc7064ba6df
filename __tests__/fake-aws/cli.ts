/**
 * Start a named scenario by hand:
 *   npx tsx __tests__/fake-aws/cli.ts <scenarioName> [port] [timeScale]
 * then point the AWS CLI / SDK at it with AWS_ENDPOINT_URL=<printed url>.
 */
import {
  isScenarioName,
  scenarioFunctions,
  scenarioImages,
  scenarios,
  withTimeScale
} from './scenarios.js'
import { startFakeAws } from './server.js'

async function main(): Promise<void> {
  const [name, portArg, timeScaleArg] = process.argv.slice(2)
  if (name === undefined || !isScenarioName(name)) {
    console.error(
      `usage: cli.ts <scenario> [port] [timeScale]\nscenarios: ${Object.keys(scenarios).join(', ')}`
    )
    process.exit(2)
  }
  const base = scenarios[name]
  const scenario = timeScaleArg === undefined ? base : withTimeScale(base, Number(timeScaleArg))
  const fake = await startFakeAws(scenario, {
    port: portArg === undefined ? 0 : Number(portArg),
    log: (line) => console.log(line)
  })
  const image = scenarioImages[name]
  console.log(fake.url)
  console.log(`image: ${image.uri} (${image.digest})`)
  for (const fn of scenarioFunctions[name]) {
    console.log(`function: ${fn.arn} (${fn.runtime}, CodeSha256 ${fn.codeSha256})`)
  }
  if (scenario.timing !== undefined) console.log(`timing: ${scenario.timing.story}`)
  const stop = () => {
    void fake.close().then(() => process.exit(0))
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

void main()
