import { buildCli, bundleState } from '../../../src-main/launcher/cliBundle.cjs'

/**
 * vitest globalSetup: builds the CLI bundle once per test run when the sources changed, so the CLI
 * tests spawn it as a user runs it and none of their many runs rebuilds it on the way.
 */
export default function setup(): void {
  if (bundleState() !== 'fresh') buildCli()
}
