export interface HtmlPage {
  status: number;
  html: string;
}

export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

export function formatAmount(amount: number, currency: string): string {
  const major = Math.floor(amount / 100).toLocaleString('en-US');
  const minor = String(amount % 100).padStart(2, '0');
  return currency === 'usd' ? `$${major}.${minor}` : `${major}.${minor} ${currency.toUpperCase()}`;
}

const STYLES = `
*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;background:#f6f8fa;color:#1a1f36}
.banner{background:#ffde92;color:#6a4a00;text-align:center;font-size:13px;font-weight:600;padding:6px 12px;letter-spacing:.02em}
main{max-width:440px;margin:0 auto;padding:24px 16px 48px}
.card{background:#fff;border-radius:12px;box-shadow:0 1px 3px rgba(0,0,0,.08),0 8px 24px rgba(0,0,0,.06);padding:24px}
h1{font-size:20px;margin:0 0 4px}
.muted{color:#697386;font-size:14px}
.amount{font-size:32px;font-weight:700;margin:8px 0 20px}
label{display:block;font-size:14px;font-weight:600;margin:14px 0 6px}
input{width:100%;font:inherit;padding:10px 12px;border:1px solid #d0d7de;border-radius:8px;background:#fff}
input:focus{outline:2px solid #635bff;border-color:#635bff}
.row{display:flex;gap:12px}.row>div{flex:1}
button{width:100%;margin-top:20px;padding:12px;font:inherit;font-weight:600;color:#fff;background:#635bff;border:0;border-radius:8px;cursor:pointer}
button.secondary{background:#fff;color:#1a1f36;border:1px solid #d0d7de;margin-top:10px}
.error{background:#fff1f0;border:1px solid #ffccc7;color:#a8071a;border-radius:8px;padding:10px 12px;margin:12px 0 0;font-size:14px}
.cancel{display:block;text-align:center;margin-top:16px;color:#635bff;font-size:14px}
details{margin-top:24px;font-size:13px;color:#697386}
table{border-collapse:collapse;width:100%;margin-top:8px}td{padding:4px 0;vertical-align:top}
code{font-family:ui-monospace,SFMono-Regular,Menlo,monospace;font-size:12px}
`;

/** A small page in the hosted style, clearly marked as the local test-mode stand-in. */
export function renderPage(title: string, content: string, status = 200): HtmlPage {
  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · Local Stripe</title>
<style>${STYLES}</style>
</head>
<body>
<div class="banner" role="note">Local Stripe — test mode · no real money moves</div>
<main>
${content}
</main>
</body>
</html>`;
  return { status, html };
}

export function notFoundPage(what: string): HtmlPage {
  return renderPage('Not found', `<div class="card"><h1>Not found</h1><p class="muted">${escapeHtml(what)}</p></div>`, 404);
}
