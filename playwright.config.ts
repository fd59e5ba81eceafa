import { defineConfig, devices } from '@playwright/test'
import { fileURLToPath } from 'node:url'
import { browserPath, chromiumArgs } from './scripts/browser.mjs'

// Ports can be moved so that two checkouts of the project can run their suites side by side.
const previewPort = Number(process.env.PHOTOWALK_PREVIEW_PORT ?? 4173)
const fakeCameraFile = fileURLToPath(new URL('./e2e/.artifacts/fake-camera.y4m', import.meta.url))
const phone = {
  viewport: { width: 390, height: 844 },
  deviceScaleFactor: 3,
  isMobile: true,
  hasTouch: true,
  userAgent: devices['Pixel 7'].userAgent,
}
export const updateServerPort = Number(process.env.PHOTOWALK_UPDATE_PORT ?? 4174)

export default defineConfig({
  testDir: './e2e',
  outputDir: './e2e/.artifacts/results',
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  workers: 2,
  // Whole flows on a 2-core machine (a day typed in, two phones, offline reloads): not a speed check.
  timeout: 60_000,
  expect: { timeout: 7_000 },
  reporter: [['list'], ['html', { open: 'never', outputFolder: './e2e/.artifacts/report' }]],
  use: {
    baseURL: `http://127.0.0.1:${previewPort}`,
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    serviceWorkers: 'allow',
    launchOptions: { executablePath: browserPath(), args: chromiumArgs },
  },
  globalSetup: './e2e/support/globalSetup.ts',
  projects: [
    { name: 'phone', use: phone, testIgnore: /camera\.spec\.ts/ },
    { name: 'desktop', use: { viewport: { width: 1280, height: 800 } }, testIgnore: /camera\.spec\.ts/ },
    {
      // A phone whose camera films a video file the test writes: scanning is tested for real.
      name: 'camera',
      testMatch: /camera\.spec\.ts/,
      use: {
        ...phone,
        permissions: ['camera'],
        launchOptions: {
          executablePath: browserPath(),
          args: [...chromiumArgs, '--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${fakeCameraFile}`],
        },
      },
    },
  ],
  webServer: [
    {
      command: `npx vite preview --host 127.0.0.1 --port ${previewPort} --strictPort`,
      url: `http://127.0.0.1:${previewPort}`,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
    },
    {
      command: `node scripts/update-server.mjs ${updateServerPort}`,
      url: `http://127.0.0.1:${updateServerPort}`,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
    },
  ],
})
