import { Logo } from '@gametriggers/ui';

const steps = [
  {
    title: 'Brands launch a campaign',
    text: 'Set the creative, the audience (categories, languages, regions, channel size), the budget and a CPM, CPC or fixed price.',
  },
  {
    title: 'Streamers join',
    text: 'Matching streamers find it in their marketplace and join with one click, one campaign per category at a time.',
  },
  {
    title: 'It runs live, on stream',
    text: 'A browser source in OBS shows the creative in the corner of the stream on a show-and-break cycle the streamer sets.',
  },
  {
    title: 'Every impression counted',
    text: 'Viewers × displayed slots, only while live, with invalid traffic filtered. Brands pay for that; streamers earn from it.',
  },
];

export default function HomePage() {
  return (
    <div className="bg-white">
      <header className="mx-auto flex max-w-6xl items-center justify-between px-6 py-5">
        <Logo className="text-lg" />
        <nav className="flex items-center gap-3 text-sm font-medium">
          <a
            href="#brands"
            className="hidden px-3 py-2 text-slate-700 hover:text-slate-900 sm:inline"
          >
            For brands
          </a>
          <a
            href="#streamers"
            className="hidden px-3 py-2 text-slate-700 hover:text-slate-900 sm:inline"
          >
            For streamers
          </a>
          <a href="/sign-in" className="px-3 py-2 text-slate-700 hover:text-slate-900">
            Sign in
          </a>
          <a
            href="/sign-up"
            className="rounded-lg bg-brand-600 px-4 py-2 text-white hover:bg-brand-700"
          >
            Get started
          </a>
        </nav>
      </header>

      <section className="mx-auto grid max-w-6xl items-center gap-12 px-6 pt-12 pb-20 lg:grid-cols-2">
        <div>
          <p className="text-sm font-semibold tracking-wide text-brand-700 uppercase">
            In-stream sponsorships
          </p>
          <h1 className="mt-3 text-4xl font-bold tracking-tight text-slate-900 sm:text-5xl">
            Your brand, live on the streams your audience watches.
          </h1>
          <p className="mt-5 text-lg text-slate-600">
            Gametriggers connects brands with Twitch, YouTube, TikTok and Facebook streamers.
            Campaigns run in a live overlay, every impression and click is counted, brands pay for
            what was seen and streamers are paid for what they showed.
          </p>
          <div className="mt-8 flex flex-wrap gap-3">
            <a
              href="/sign-up?role=brand"
              className="rounded-lg bg-brand-600 px-5 py-3 font-semibold text-white hover:bg-brand-700"
            >
              Launch a campaign
            </a>
            <a
              href="/sign-up?role=streamer"
              className="rounded-lg px-5 py-3 font-semibold text-slate-900 ring-1 ring-slate-300 hover:bg-slate-50"
            >
              Earn as a streamer
            </a>
          </div>
        </div>
        <div
          aria-hidden
          className="relative aspect-video overflow-hidden rounded-2xl bg-gradient-to-br from-slate-900 to-brand-900 shadow-xl"
        >
          <div className="absolute inset-0 grid place-items-center text-6xl text-white/10">
            LIVE
          </div>
          <span className="absolute top-4 left-4 rounded bg-red-600 px-2 py-0.5 text-xs font-bold text-white">
            ● LIVE
          </span>
          <div className="absolute right-4 bottom-4 w-48 rounded-xl bg-white/95 p-3 shadow-lg">
            <p className="text-xs font-semibold text-brand-700">Sponsored</p>
            <p className="mt-1 text-sm font-bold text-slate-900">Energy drink — 20% off</p>
            <p className="mt-1 text-xs text-slate-500">Type !sponsor in chat</p>
          </div>
        </div>
      </section>

      <section className="bg-slate-50 py-20">
        <div className="mx-auto max-w-6xl px-6">
          <h2 className="text-3xl font-bold tracking-tight">How it works</h2>
          <ol className="mt-10 grid gap-6 sm:grid-cols-2 lg:grid-cols-4">
            {steps.map((step, index) => (
              <li
                key={step.title}
                className="rounded-2xl bg-white p-6 shadow-sm ring-1 ring-slate-200"
              >
                <span className="grid size-8 place-items-center rounded-full bg-brand-100 text-sm font-bold text-brand-700">
                  {index + 1}
                </span>
                <h3 className="mt-4 font-semibold">{step.title}</h3>
                <p className="mt-2 text-sm text-slate-600">{step.text}</p>
              </li>
            ))}
          </ol>
        </div>
      </section>

      <section className="mx-auto grid max-w-6xl gap-8 px-6 py-20 md:grid-cols-2">
        <div id="brands" className="rounded-2xl p-8 ring-1 ring-slate-200">
          <h2 className="text-2xl font-bold">For brands</h2>
          <ul className="mt-4 space-y-2 text-slate-600">
            <li>Target by category, language, region and audience size — all of them, not any.</li>
            <li>
              Your budget is reserved up front and charged only for counted impressions or clicks.
            </li>
            <li>Approve who runs your campaign, and follow results per streamer, hour by hour.</li>
          </ul>
        </div>
        <div id="streamers" className="rounded-2xl p-8 ring-1 ring-slate-200">
          <h2 className="text-2xl font-bold">For streamers</h2>
          <ul className="mt-4 space-y-2 text-slate-600">
            <li>Browse campaigns that fit your channel and join in a click.</li>
            <li>One overlay URL in OBS; you choose the corner, size and how often ads show.</li>
            <li>Earnings from the same counted impressions brands pay for, paid out to you.</li>
          </ul>
        </div>
      </section>

      <section className="px-6 pb-20">
        <div className="mx-auto flex max-w-6xl flex-col items-start justify-between gap-6 rounded-3xl bg-gradient-to-br from-brand-600 to-brand-900 px-8 py-12 text-white shadow-lg md:flex-row md:items-center">
          <div>
            <h2 className="text-2xl font-bold tracking-tight">Ready when your next stream is.</h2>
            <p className="mt-2 max-w-xl text-brand-100">
              Brands pay only for counted impressions. Streamers are paid out for exactly what they
              showed.
            </p>
          </div>
          <div className="flex flex-wrap gap-3">
            <a
              href="/sign-up?role=brand"
              className="rounded-lg bg-white px-5 py-3 text-sm font-semibold text-brand-700 hover:bg-brand-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-white"
            >
              Start as a brand
            </a>
            <a
              href="/sign-up?role=streamer"
              className="rounded-lg px-5 py-3 text-sm font-semibold text-white ring-1 ring-white/50 hover:bg-white/10 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-white"
            >
              Start as a streamer
            </a>
          </div>
        </div>
      </section>

      <footer className="border-t border-slate-200 py-8 text-center text-sm text-slate-500">
        © 2026 Gametriggers
      </footer>
    </div>
  );
}
