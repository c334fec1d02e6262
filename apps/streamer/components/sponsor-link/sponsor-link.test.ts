import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import {
  chatCommandTexts,
  qrCodePng,
  qrCodeSvg,
  shortLinkBaseUrl,
  shortLinkUrl,
} from './sponsor-link';

void describe('sponsor link', () => {
  void it('builds the short link on the public gateway', () => {
    assert.equal(
      shortLinkBaseUrl({ PUBLIC_GATEWAY_URL: 'https://api.example/' }),
      'https://api.example',
    );
    assert.equal(
      shortLinkBaseUrl({ GATEWAY_URL: 'http://localhost:4000' }),
      'http://localhost:4000',
    );
    assert.equal(
      shortLinkUrl('Ab3_x-YZ12345678', 'https://api.example'),
      'https://api.example/r/Ab3_x-YZ12345678',
    );
  });

  void it('writes the chat command with the sponsor and the link', () => {
    const texts = chatCommandTexts('Acme', 'https://api.example/r/abc12345');
    assert.equal(texts.reply, 'This stream is sponsored by Acme: https://api.example/r/abc12345');
    assert.equal(texts.addCommand, `!addcom !sponsor ${texts.reply}`);
  });

  void it('draws a QR code that decodes back to the link (PNG), and an SVG of it', async () => {
    const link = 'http://localhost:4000/r/Ab3_x-YZ12345678';
    const png = PNG.sync.read(await qrCodePng(link, 400));
    const decoded = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
    assert.equal(decoded?.data, link);
    const svg = await qrCodeSvg(link);
    assert.match(svg, /^<svg [^>]*viewBox="0 0 \d+ \d+"/);
    assert.match(svg, /<path [^>]*stroke="#000000"/);
  });
});
