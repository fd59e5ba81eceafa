// Renders the app icons from public/favicon.svg with the test browser. Run after changing the
// artwork: `node scripts/make-icons.mjs`. The PNGs are committed; the build does not need this.
import { readFile } from 'node:fs/promises'
import { chromium } from '@playwright/test'
import { browserPath, chromiumArgs } from './browser.mjs'

const svg = await readFile(new URL('../public/favicon.svg', import.meta.url), 'utf8')
const browser = await chromium.launch({ executablePath: browserPath(), args: chromiumArgs })

async function render(file, size, { padding = 0, background = 'transparent' } = {}) {
  const page = await browser.newPage({ viewport: { width: size, height: size } })
  const inner = size - padding * 2
  await page.setContent(
    `<body style="margin:0;background:${background};display:grid;place-items:center;width:${size}px;height:${size}px">` +
      `<div style="width:${inner}px;height:${inner}px">${svg.replace('<svg ', `<svg width="${inner}" height="${inner}" `)}</div></body>`,
  )
  await page.screenshot({ path: new URL(`../public/${file}`, import.meta.url).pathname, omitBackground: background === 'transparent' })
  await page.close()
}

await render('icon-192.png', 192)
await render('icon-512.png', 512)
await render('apple-touch-icon.png', 180, { background: '#0b5d4b' })
// Maskable icons are cropped to a circle of 80 % by some launchers: keep the artwork inside it.
await render('icon-maskable-512.png', 512, { padding: 64, background: '#0b5d4b' })
await browser.close()
