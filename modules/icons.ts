import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { defineWxtModule } from 'wxt/modules';

/** The one source of Shelfmark's icon, drawn for the job (legible at 16 px). */
export const ICON_SOURCE = 'assets/icon.svg';

/**
 * Every size the manifests and stores ask for, with the transparent margin each wants: the Chrome
 * Web Store asks for 96 px of artwork inside the 128 px icon; the toolbar sizes are full bleed.
 */
export const ICON_SIZES = { 16: 0, 32: 0, 48: 0, 128: 16 } as const;

export const iconPath = (size: keyof typeof ICON_SIZES) => `icons/${size}.png`;

/** Renders the SVG at `size` px, `margin` px of transparency on every side, anti-aliased at that size (not scaled down). */
export function renderIcon(svg: string, size: number, margin = 0): Buffer {
  const art = size - 2 * margin;
  const source = margin === 0 ? svg : framed(svg, size, margin, art);
  return new Resvg(source, { fitTo: { mode: 'width', value: size }, font: { loadSystemFonts: false } }).render().asPng();
}

function framed(svg: string, size: number, margin: number, art: number): string {
  const data = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}"><image href="${data}" x="${margin}" y="${margin}" width="${art}" height="${art}"/></svg>`;
}

/** Renders the icon into the build at every size; wxt.config.ts names the files in the manifests. */
export default defineWxtModule({
  name: 'shelfmark-icons',
  setup(wxt) {
    wxt.hooks.hook('build:publicAssets', async (wxt, files) => {
      const svg = await readFile(resolve(wxt.config.root, ICON_SOURCE), 'utf8');
      const dir = join(wxt.config.wxtDir, 'icons');
      await mkdir(dir, { recursive: true });
      for (const [size, margin] of Object.entries(ICON_SIZES)) {
        const file = join(dir, `${size}.png`);
        await writeFile(file, renderIcon(svg, Number(size), margin));
        files.push({ absoluteSrc: file, relativeDest: iconPath(Number(size) as keyof typeof ICON_SIZES) });
      }
    });
    wxt.hooks.hook('prepare:publicPaths', (_wxt, paths) => {
      for (const size of Object.keys(ICON_SIZES)) paths.push(iconPath(Number(size) as keyof typeof ICON_SIZES));
    });
  },
});
