import { test, expect, type Page } from '@playwright/test';

// Dark by default, light where the system asks for it (a phone outdoors in the sun): every text on the main screens
// and the running workout readable in both, by WCAG's contrast ratio (4.5:1, large text 3:1).

interface LowContrast { text: string; ratio: number; needed: number }

/** Returns the texts on screen whose contrast against what is behind them is below WCAG AA. */
function lowContrast(page: Page): Promise<LowContrast[]> {
  return page.evaluate(() => {
    type Rgba = { r: number; g: number; b: number; a: number };
    const parse = (css: string): Rgba | null => {
      const m = /rgba?\(([^)]+)\)/.exec(css);
      if (!m) return null;
      const [r, g, b, a = 1] = m[1].split(/[\s,/]+/).filter(Boolean).map(Number);
      return { r, g, b, a };
    };
    const over = (top: Rgba, under: Rgba): Rgba => ({ r: top.r * top.a + under.r * (1 - top.a), g: top.g * top.a + under.g * (1 - top.a), b: top.b * top.a + under.b * (1 - top.a), a: 1 });
    const luminance = ({ r, g, b }: Rgba): number => {
      const f = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
      return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
    };
    // What is painted behind an element: its own and its ancestors' backgrounds, composed from the page up.
    const behind = (el: Element): Rgba => {
      const layers: Rgba[] = [];
      for (let e: Element | null = el; e; e = e.parentElement) {
        const c = parse(getComputedStyle(e).backgroundColor);
        if (c && c.a > 0) layers.push(c);
        if (c && c.a >= 1) break;
      }
      return layers.reverse().reduce((under, top) => over(top, under), { r: 255, g: 255, b: 255, a: 1 });
    };
    const out: { text: string; ratio: number; needed: number }[] = [];
    for (const el of Array.from(document.querySelectorAll('body *'))) {
      const text = Array.from(el.childNodes).filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent!.trim()).join(' ').trim();
      if (!text || el.closest('[hidden], [aria-hidden="true"], .dark-screen, svg') || el.getClientRects().length === 0) continue;
      const style = getComputedStyle(el);
      const color = parse(style.color);
      // Text painted by a gradient (the brand) and disabled controls (dimmed on purpose) are not body text.
      if (!color || color.a === 0 || (el as HTMLButtonElement).disabled || style.visibility === 'hidden') continue;
      const bg = behind(el);
      const [l1, l2] = [luminance(over(color, bg)), luminance(bg)].sort((a, b) => b - a);
      const px = parseFloat(style.fontSize);
      const needed = px >= 24 || (px >= 18.66 && Number(style.fontWeight) >= 700) ? 3 : 4.5;
      const ratio = (l1 + 0.05) / (l2 + 0.05);
      if (ratio < needed) out.push({ text: text.slice(0, 40), ratio: Math.round(ratio * 100) / 100, needed });
    }
    return out;
  });
}

for (const colorScheme of ['dark', 'light'] as const) {
  test(`every text reads against its background in the ${colorScheme} theme: the main screens and a running workout`, async ({ browser }) => {
    const context = await browser.newContext({ colorScheme });
    const page = await context.newPage();
    await page.goto('/');
    // The theme follows the system: a light page in light, a dark one in dark.
    const pageLuminance = await page.evaluate(() => {
      const [r, g, b] = /rgba?\(([^)]+)\)/.exec(getComputedStyle(document.documentElement).backgroundColor)![1].split(/[\s,]+/).map(Number);
      return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
    });
    if (colorScheme === 'light') expect(pageLuminance).toBeGreaterThan(0.85);
    else expect(pageLuminance).toBeLessThan(0.15);
    const nav = page.getByRole('navigation', { name: 'Main' });
    // Each screen once it is there (they load on first visit), and the Music plan with its chart.
    const screens: [tab: string, heading: string][] = [['Workouts', 'Workouts'], ['Library', 'Library'], ['Playlists', 'Playlists'], ['Progress', 'Progress'], ['Player', 'Ready when you are']];
    for (const [tab, heading] of screens) {
      await nav.getByRole('button', { name: tab }).click();
      await expect(page.getByRole('heading', { name: heading, exact: true })).toBeVisible();
      expect(await lowContrast(page), tab).toEqual([]);
    }
    await nav.getByRole('button', { name: 'Playlists' }).click();
    await page.getByRole('button', { name: 'Music plan' }).click();
    await expect(page.getByTestId('plan-segment').first()).toBeVisible();
    expect(await lowContrast(page), 'Music plan').toEqual([]);
    await nav.getByRole('button', { name: 'Player' }).click();
    await page.getByRole('button', { name: 'Start workout' }).click();
    await expect(page.getByTestId('current-step')).toBeVisible({ timeout: 30_000 });
    expect(await lowContrast(page), 'running workout').toEqual([]);
    await context.close();
  });
}
