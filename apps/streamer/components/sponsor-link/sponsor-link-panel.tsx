import { CopyButton } from '../overlay-setup/copy-button';
import { chatCommandTexts, qrCodeSvg, shortLinkUrl } from './sponsor-link';

function CopyRow({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <div className="space-y-1">
      <p className="text-xs font-medium text-slate-600">{label}</p>
      <div className="flex flex-col gap-2 sm:flex-row sm:items-start">
        <code
          data-testid={`${testId}-text`}
          className="block min-w-0 flex-1 rounded-lg bg-white px-3 py-2 font-mono text-xs [overflow-wrap:anywhere] text-slate-800 ring-1 ring-slate-200 select-all"
        >
          {value}
        </code>
        <CopyButton text={value} testId={testId} />
      </div>
    </div>
  );
}

/**
 * A delivering participation's tracked short link, its QR code and the chat command, ready to copy:
 * every visit goes through the link (counted once per viewer in ten minutes, bots not at all) to
 * the brand's page.
 */
export async function SponsorLinkPanel({
  participationId,
  clickCode,
  sponsor,
}: {
  participationId: string;
  clickCode: string;
  sponsor: string;
}) {
  const link = shortLinkUrl(clickCode);
  const { reply, addCommand } = chatCommandTexts(sponsor, link);
  const svg = await qrCodeSvg(link);
  const download = `/my-campaigns/${participationId}/qr`;

  return (
    <section
      data-testid="sponsor-link-panel"
      aria-label={`Sponsor link for ${sponsor}`}
      className="grid gap-5 rounded-xl bg-slate-50 p-4 ring-1 ring-slate-200 md:grid-cols-[minmax(0,1fr)_auto]"
    >
      <div className="min-w-0 space-y-4">
        <div>
          <h3 className="text-sm font-semibold text-slate-900">Your sponsor link</h3>
          <p className="mt-0.5 text-xs text-slate-600">
            Share it in chat, your panels and descriptions. Clicks count toward this campaign (each
            viewer once every 10 minutes; bots and link previews never).
          </p>
        </div>
        <CopyRow label="Short link" value={link} testId="copy-short-link" />
        <CopyRow
          label="Add the !sponsor command to your chat bot (paste in your chat)"
          value={addCommand}
          testId="copy-add-command"
        />
        <CopyRow label="The !sponsor reply on its own" value={reply} testId="copy-reply" />
      </div>
      <figure className="flex flex-col items-center gap-2">
        <div
          data-testid="sponsor-qr"
          role="img"
          aria-label={`QR code for ${link}`}
          className="h-40 w-40 overflow-hidden rounded-lg bg-white ring-1 ring-slate-200 [&>svg]:h-full [&>svg]:w-full"
          dangerouslySetInnerHTML={{ __html: svg }}
        />
        <figcaption className="text-center text-xs text-slate-600">
          Scan to test · Download{' '}
          <a
            href={`${download}?format=png`}
            download
            className="font-medium text-brand-700 underline-offset-2 hover:underline"
          >
            PNG
          </a>{' '}
          ·{' '}
          <a
            href={`${download}?format=svg`}
            download
            className="font-medium text-brand-700 underline-offset-2 hover:underline"
          >
            SVG
          </a>
        </figcaption>
      </figure>
    </section>
  );
}
