/**
 * Verification documents as the platform takes them: a PDF uploaded as the brand through the
 * official `uploadthing` client (the gateway's `/api/uploadthing`, the asset service, the local
 * UploadThing) and checked by the asset service before a request may name it. The demo seed and the
 * browser tests use these.
 */
import type { ApiClient } from '@gametriggers/api';
import type { AssetView } from '@gametriggers/contracts';
import { XhrOverFetch } from '@gametriggers/uploadthing-local/testing';
import { genUploader } from 'uploadthing/client';
import type { GenerateUploaderOptions } from 'uploadthing/types';
import { awaitAsset } from './demo-creatives';

/** Text as a PDF string literal: backslashes and parentheses escaped, Latin-1 only. */
const pdfText = (text: string) => `(${text.replace(/[^\x20-\x7e]/g, '?').replace(/[\\()]/g, (char) => `\\${char}`)})`;

/**
 * A one-page A4 PDF (Helvetica) with a title and lines of text, with a correct cross-reference
 * table, so any reader opens it.
 */
export function onePagePdf(title: string, lines: readonly string[]): Buffer {
  const text = [
    'BT',
    '/F1 22 Tf 72 760 Td',
    `${pdfText(title)} Tj`,
    '/F1 12 Tf 0 -36 Td 16 TL',
    ...lines.map((line) => `${pdfText(line)} '`),
    'ET',
  ].join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
    `<< /Length ${Buffer.byteLength(text, 'latin1')} >>\nstream\n${text}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(Buffer.byteLength(body, 'latin1'));
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body, 'latin1');
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  body += offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('');
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

/** A company's (made-up) certificate of incorporation, as a PDF file to upload. */
export function registrationCertificate(company: string): File {
  const bytes = onePagePdf('Certificate of incorporation', [
    `This certifies that ${company} is incorporated`,
    'and in good standing with the registry.',
    '',
    'Demonstration document of the Gametriggers development platform.',
  ]);
  return new File([new Uint8Array(bytes)], 'Certificate of incorporation.pdf', { type: 'application/pdf' });
}

/** Node's `fetch`; its `Response.json()` is typed `Promise<unknown>`, the SDK's `FetchEsque` wants a generic. */
const nodeFetch = fetch as NonNullable<GenerateUploaderOptions['fetch']>;

/** Uploads a verification document as the brand holding `accessToken`; answers the new asset's id. */
export async function uploadVerificationDocument(options: { gatewayUrl: string; accessToken: string }, file: File): Promise<string> {
  // The browser client PUTs with XMLHttpRequest, which Node lacks.
  (globalThis as { XMLHttpRequest?: unknown }).XMLHttpRequest ??= XhrOverFetch;
  const { uploadFiles } = genUploader({ url: `${options.gatewayUrl.replace(/\/+$/, '')}/api/uploadthing`, package: '@gametriggers/devstack', fetch: nodeFetch });
  const [uploaded] = await uploadFiles('verificationDocument', { files: [file], headers: { authorization: `Bearer ${options.accessToken}` } });
  const assetId = (uploaded?.serverData as { assetId?: unknown } | null)?.assetId;
  if (typeof assetId !== 'string') throw new Error(`Uploading ${file.name} answered no asset id`);
  return assetId;
}

/** Uploads the brand's certificate and waits for its check; the document is then ready to be named in a request. */
export async function uploadCheckedCertificate(options: {
  gatewayUrl: string;
  brand: ApiClient;
  /** A current access token of the brand (the upload request carries it). */
  accessToken: string;
  company: string;
}): Promise<AssetView> {
  const assetId = await uploadVerificationDocument(options, registrationCertificate(options.company));
  const asset = await awaitAsset(options.brand, assetId, (current) => current.state !== 'checking', 'checked');
  if (asset.state !== 'ready') throw new Error(`The certificate of ${options.company} was refused: ${asset.refusalReason ?? asset.state}`);
  return asset;
}
