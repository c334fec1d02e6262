import { invalidParam, invalidRequest, missingParam } from './errors';
import type { FormObject, FormValue } from './form-body';

/** Typed reads of a parsed form body; a wrong value is Stripe's 400 naming the parameter. */
export class Params {
  constructor(
    readonly values: FormObject,
    private readonly prefix = '',
  ) {}

  private name(key: string): string {
    return this.prefix ? `${this.prefix}[${key}]` : key;
  }

  has(key: string): boolean {
    return this.values[key] !== undefined;
  }

  string(key: string): string | undefined {
    const value = this.values[key];
    if (value === undefined) return undefined;
    if (typeof value !== 'string') throw invalidParam(this.name(key), `Invalid string: ${this.name(key)} must be a string.`);
    return value;
  }

  requiredString(key: string): string {
    const value = this.string(key);
    if (value === undefined || value === '') throw missingParam(this.name(key));
    return value;
  }

  /** A non-negative integer (Stripe sends numbers as strings). */
  integer(key: string): number | undefined {
    const value = this.string(key);
    if (value === undefined) return undefined;
    if (!/^\d{1,15}$/.test(value)) throw invalidRequest(`Invalid integer: ${value}`, { param: this.name(key), code: 'parameter_invalid_integer' });
    return Number(value);
  }

  /** An amount in minor units, at least 1. */
  amount(key: string): number | undefined {
    const value = this.integer(key);
    if (value !== undefined && value < 1) {
      throw invalidRequest('This value must be greater than or equal to 1.', { param: this.name(key), code: 'amount_too_small' });
    }
    return value;
  }

  requiredAmount(key: string): number {
    const value = this.amount(key);
    if (value === undefined) throw missingParam(this.name(key));
    return value;
  }

  boolean(key: string): boolean | undefined {
    const value = this.string(key);
    if (value === undefined) return undefined;
    if (value !== 'true' && value !== 'false') throw invalidParam(this.name(key), `Invalid boolean: ${value}`);
    return value === 'true';
  }

  currency(key = 'currency'): string {
    const value = this.requiredString(key).toLowerCase();
    if (!/^[a-z]{3}$/.test(value)) throw invalidRequest(`Invalid currency: ${value}.`, { param: this.name(key), code: 'parameter_invalid_string' });
    return value;
  }

  oneOf<T extends string>(key: string, allowed: readonly T[]): T | undefined {
    const value = this.string(key);
    if (value === undefined) return undefined;
    if (!allowed.includes(value as T)) {
      throw invalidParam(this.name(key), `Invalid ${this.name(key)}: must be one of ${allowed.join(', ')}`);
    }
    return value as T;
  }

  object(key: string): Params | undefined {
    const value = this.values[key];
    if (value === undefined) return undefined;
    if (typeof value !== 'object' || Array.isArray(value)) throw invalidParam(this.name(key), `Invalid object: ${this.name(key)}`);
    return new Params(value, this.name(key));
  }

  list(key: string): Params[] {
    const value = this.values[key];
    if (value === undefined) return [];
    if (!Array.isArray(value)) throw invalidParam(this.name(key), `Invalid array: ${this.name(key)}`);
    return value.map((item, index) => {
      if (typeof item !== 'object' || Array.isArray(item)) throw invalidParam(`${this.name(key)}[${index}]`, 'Invalid object');
      return new Params(item, `${this.name(key)}[${index}]`);
    });
  }

  strings(key: string): string[] {
    const value = this.values[key];
    if (value === undefined) return [];
    const items: FormValue[] = Array.isArray(value) ? value : [value];
    return items.map((item) => {
      if (typeof item !== 'string') throw invalidParam(this.name(key), `Invalid array of strings: ${this.name(key)}`);
      return item;
    });
  }

  /** `metadata[k]=v`; an empty value removes the key (Stripe's rule on update). */
  metadata(current: Record<string, string> = {}): Record<string, string> {
    const value = this.values.metadata;
    if (value === undefined) return current;
    if (value === '') return {};
    if (typeof value !== 'object' || Array.isArray(value)) throw invalidParam('metadata', 'Invalid object: metadata');
    const next = { ...current };
    for (const [key, entry] of Object.entries(value)) {
      if (typeof entry !== 'string') throw invalidParam(`metadata[${key}]`, 'Metadata values must be strings.');
      if (entry === '') delete next[key];
      else next[key] = entry;
    }
    return next;
  }
}
