// Makes sure the Chromium the end-to-end tests drive is installed. Playwright cannot download its
// own browsers here, so Debian's package is used; as root with apt it is installed on the spot.
import { execFileSync } from 'node:child_process'
import { browserExists, browserPath, defaultBrowserPath } from './browser.mjs'

const packages = ['chromium', 'fonts-noto-core']

function run(command, args) {
  execFileSync(command, args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } })
}

function canInstall() {
  if (process.getuid?.() !== 0) return false
  try {
    execFileSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
}

if (browserExists()) {
  process.exit(0)
}

if (process.env.PHOTOWALK_CHROMIUM) {
  console.error(`PHOTOWALK_CHROMIUM points to ${browserPath()}, which does not exist.`)
  process.exit(1)
}

if (!canInstall()) {
  console.error(
    `No browser for the end-to-end tests at ${defaultBrowserPath}.\n` +
      `Install it with:  sudo apt-get update && sudo apt-get install -y ${packages.join(' ')}\n` +
      'or point PHOTOWALK_CHROMIUM to a Chromium or Chrome executable.',
  )
  process.exit(1)
}

console.log(`Installing ${packages.join(' ')} for the end-to-end tests…`)
run('apt-get', ['update', '-qq'])
run('apt-get', ['install', '-y', '-qq', ...packages])
if (!browserExists()) {
  console.error(`apt-get finished but ${defaultBrowserPath} is still missing.`)
  process.exit(1)
}
