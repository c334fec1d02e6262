import QRCode from 'qrcode';

/**
 * The public base of the tracked short links: the gateway (`/r/<code>` is counted by the analytics
 * service and redirected to the brand's URL).
 */
export function shortLinkBaseUrl(env: Record<string, string | undefined> = process.env) {
  return (env.PUBLIC_GATEWAY_URL ?? env.GATEWAY_URL ?? 'http://localhost:4000').replace(/\/+$/, '');
}

export function shortLinkUrl(clickCode: string, base = shortLinkBaseUrl()) {
  return `${base}/r/${encodeURIComponent(clickCode)}`;
}

/** What the streamer pastes into a chat bot: the command's reply, and the line that adds it. */
export function chatCommandTexts(sponsor: string, link: string) {
  const reply = `This stream is sponsored by ${sponsor}: ${link}`;
  return { reply, addCommand: `!addcom !sponsor ${reply}` };
}

// Medium error correction: still scans when the stream's compression blurs part of it.
const qrOptions = { errorCorrectionLevel: 'M', margin: 2 } as const;

/** The QR code of `text` as a standalone SVG (dark modules on white). */
export function qrCodeSvg(text: string) {
  return QRCode.toString(text, { ...qrOptions, type: 'svg', width: 256 });
}

/** The QR code of `text` as a PNG, `size` pixels wide. */
export function qrCodePng(text: string, size = 512) {
  return QRCode.toBuffer(text, { ...qrOptions, type: 'png', width: size });
}
