'use server';

import { portal } from '../../portal';

export async function regenerateRecoveryCodes(form: FormData) {
  const code = form.get('code');
  return portal.act((api) =>
    api.identity.twoFactor.regenerateRecoveryCodes.mutate({
      code: typeof code === 'string' ? code.trim() : '',
    }),
  );
}
