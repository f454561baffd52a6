import type { Page } from '@playwright/test'
import { join } from 'node:path'
import { projectRoot } from './mode'

export const SCREENSHOT_DIR = join(projectRoot, 'e2e', 'screenshots')

/** Saves a screenshot of a main view to e2e/screenshots/NAME.png, to be looked at. */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  const path = join(SCREENSHOT_DIR, `${name}.png`)
  await page.screenshot({ path })
  return path
}
