/**
 * Renders the PNG app icons from `public/icon.svg` with the system Chromium (one-off; the PNGs are committed).
 * Run: `npx tsx scripts/make-icons.ts`. The maskable icon keeps the logo inside the central 80 % safe zone.
 */
import { chromium } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const svg = readFileSync(resolve(root, 'public/icon.svg'), 'utf8');
const dataUrl = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
const BACKGROUND = '#14121f';

/** Icons to render: file name, size in pixels, and the logo's share of the square. */
const ICONS = [
  { file: 'icon-192.png', size: 192, logo: 1 },
  { file: 'icon-512.png', size: 512, logo: 1 },
  { file: 'maskable-512.png', size: 512, logo: 0.8 },
  { file: 'apple-touch-icon-180.png', size: 180, logo: 0.9 },
];

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
try {
  for (const icon of ICONS) {
    const page = await browser.newPage({ viewport: { width: icon.size, height: icon.size } });
    const logoPx = Math.round(icon.size * icon.logo);
    // Full-logo icons keep their rounded corners transparent; the others get a full-bleed background.
    const bg = icon.logo < 1 ? BACKGROUND : 'transparent';
    await page.setContent(
      `<body style="margin:0;width:${icon.size}px;height:${icon.size}px;display:grid;place-items:center;background:${bg}">` +
        `<img src="${dataUrl}" width="${logoPx}" height="${logoPx}"></body>`,
    );
    await page.locator('img').evaluate((img: HTMLImageElement) => img.decode());
    await page.screenshot({ path: resolve(root, 'public/icons', icon.file), omitBackground: icon.logo === 1 });
    await page.close();
    console.log(`public/icons/${icon.file}`);
  }
} finally {
  await browser.close();
}
