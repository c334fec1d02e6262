const steps = [
  <>
    In OBS, under <strong>Sources</strong>, click <strong>+</strong> and choose{' '}
    <strong>Browser</strong> (Browser Source). Name it e.g. “Gametriggers”.
  </>,
  <>
    Paste your overlay link into <strong>URL</strong>.
  </>,
  <>
    Set <strong>Width 1920</strong> and <strong>Height 1080</strong> (the size of your canvas).
  </>,
  <>
    Leave <strong>Shutdown source when not visible</strong> <em>off</em>, so ads keep their place
    when you switch scenes.
  </>,
  <>Click OK and keep the source on top of your scene. It stays transparent until an ad shows.</>,
];

/** How to add the overlay to OBS as a browser source. */
export function ObsSetupSteps() {
  return (
    <ol className="space-y-2 text-sm text-slate-700">
      {steps.map((step, index) => (
        <li key={index} className="flex gap-3">
          <span
            aria-hidden
            className="grid size-6 shrink-0 place-items-center rounded-full bg-brand-50 text-xs font-semibold text-brand-700"
          >
            {index + 1}
          </span>
          <span className="pt-0.5">{step}</span>
        </li>
      ))}
    </ol>
  );
}
