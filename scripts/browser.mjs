// Where the test browser is and how it is started. Playwright cannot download its own browsers
// here, so the suite uses the system's Chromium (Debian's package by default).
import { existsSync } from 'node:fs'

export const defaultBrowserPath = '/usr/bin/chromium'

export function browserPath() {
  return process.env.PHOTOWALK_CHROMIUM || defaultBrowserPath
}

export function browserExists() {
  return existsSync(browserPath())
}

export const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // Nothing may leave the machine: every host but the local one fails to resolve.
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
]
