import { resourceMissing } from './errors';

/** Every stored object: Stripe's JSON shape, with `id` and `object`. */
export interface StripeObject {
  id: string;
  object: string;
  [field: string]: unknown;
}

/** Which account an object lives in: `null` for the platform, else a connected account's id. */
export type AccountScope = string | null;

/** All objects of one server, by id, each in its account scope; insertion order is creation order. */
export class ObjectStore {
  private readonly objects = new Map<string, StripeObject>();
  private readonly scopes = new Map<string, AccountScope>();

  insert<T extends StripeObject>(object: T, scope: AccountScope): T {
    this.objects.set(object.id, object);
    this.scopes.set(object.id, scope);
    return object;
  }

  remove(id: string): void {
    this.objects.delete(id);
    this.scopes.delete(id);
  }

  /** The object, if it exists in `scope` and is of `kind` (its `object` field). */
  find<T extends StripeObject>(kind: string, id: string, scope: AccountScope): T | undefined {
    const object = this.objects.get(id);
    if (!object || object.object !== kind || this.scopes.get(id) !== scope) return undefined;
    return object as T;
  }

  /** Like `find`, but answers Stripe's 404 `resource_missing` (naming `param`) when absent. */
  get<T extends StripeObject>(kind: string, id: string, scope: AccountScope, param = 'id'): T {
    const object = this.find<T>(kind, id, scope);
    if (!object) throw resourceMissing(kind, id, param);
    return object;
  }

  /** Any object by id, whatever its scope (for expanding references). */
  byId(id: string): StripeObject | undefined {
    return this.objects.get(id);
  }

  scopeOf(id: string): AccountScope | undefined {
    return this.scopes.get(id);
  }

  /** Objects of `kind` in `scope`, newest first (Stripe's list order). */
  all<T extends StripeObject>(kind: string, scope: AccountScope): T[] {
    const found: T[] = [];
    for (const object of this.objects.values()) {
      if (object.object === kind && this.scopes.get(object.id) === scope) found.push(object as T);
    }
    return found.reverse();
  }

  /** Objects of `kind` in every scope, oldest first (clock advances sweep them). */
  everywhere<T extends StripeObject>(kind: string): { object: T; scope: AccountScope }[] {
    const found: { object: T; scope: AccountScope }[] = [];
    for (const object of this.objects.values()) {
      if (object.object === kind) found.push({ object: object as T, scope: this.scopes.get(object.id) ?? null });
    }
    return found;
  }
}
