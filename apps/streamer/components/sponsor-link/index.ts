// The tracked short link of a streamer's participation: panel (link, QR code, chat command) and helpers.
export { SponsorLinkPanel } from './sponsor-link-panel';
export { qrCodePng, qrCodeSvg, shortLinkUrl } from './sponsor-link';
