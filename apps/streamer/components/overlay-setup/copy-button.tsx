'use client';

import { Button } from '@gametriggers/ui';
import { useState } from 'react';

/** Copies `text` to the clipboard and says so; if the browser refuses, asks to copy by hand. */
export function CopyButton({ text, testId }: { text: string; testId?: string }) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');

  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      setState('copied');
      setTimeout(() => setState('idle'), 2_000);
    } catch {
      setState('failed');
    }
  }

  return (
    <div className="flex flex-col items-stretch gap-1 sm:items-end">
      <Button type="button" variant="secondary" data-testid={testId} onClick={() => void copy()}>
        {state === 'copied' ? 'Copied' : 'Copy'}
      </Button>
      <span aria-live="polite" className="text-xs text-slate-500">
        {state === 'failed' ? 'Your browser blocked copying: select the link and copy it.' : ''}
      </span>
    </div>
  );
}
