/**
 * Derived field values (`derived:<rule>` sources and `defaultFrom` suggestions). Args name other
 * fields, `today`, or `=literal`. A rule whose inputs are missing gives undefined, never throws.
 *   today           the filling date
 *   age(d)          whole years from date field d to today
 *   copy(a)         the value of a
 *   firstOf(a,b..)  the first of a, b, ... that has a non-empty value
 *   pick(c,a,b)     a if field c is true, else b
 *   switch(f,'v:a',..,'*:z')  the source whose value matches field f ('*' = otherwise)
 *   join(a,b..)     the non-empty values joined by a full-width space
 */
import type { AnswerValue } from '../../contract/applications';
import type { DerivedRule } from './form-template-schema';
import { ageOn } from '../../contract/japanese-calendar';

export type Values = Readonly<Record<string, AnswerValue | undefined>>;

function present(v: AnswerValue | undefined): v is AnswerValue {
  return v !== undefined && v !== '';
}

export function deriveValue(rule: DerivedRule, args: readonly string[], values: Values, today: string): AnswerValue | undefined {
  const arg = (a: string | undefined): AnswerValue | undefined => {
    if (a === undefined) return undefined;
    if (a.startsWith('=')) return a.slice(1);
    if (a === 'today') return today;
    return values[a];
  };
  switch (rule) {
    case 'today':
      return today;
    case 'age': {
      const age = ageOn(arg(args[0]), today);
      return age === null ? undefined : age;
    }
    case 'copy':
      return arg(args[0]);
    case 'firstOf':
      for (const a of args) {
        const v = arg(a);
        if (present(v)) return v;
      }
      return undefined;
    case 'pick': {
      const c = arg(args[0]);
      if (typeof c !== 'boolean') return undefined;
      return arg(c ? args[1] : args[2]);
    }
    case 'switch': {
      const key = arg(args[0]);
      for (const a of args.slice(1)) {
        const i = a.indexOf(':');
        const when = a.slice(0, i);
        if (when === '*' || (key !== undefined && when === String(key))) return arg(a.slice(i + 1));
      }
      return undefined;
    }
    case 'join': {
      const parts = args.map(arg).filter(present).map(String);
      return parts.length ? parts.join('\u3000') : undefined;
    }
  }
}
