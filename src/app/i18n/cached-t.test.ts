import i18next, { type i18n as I18n } from 'i18next';
import { describe, expect, it, vi } from 'vitest';
import { rememberTranslations } from './cached-t';

const resources = {
  ko: { m: { hello: '안녕하세요', count_other: '점포 {{count}}곳', named: '{{name}} 님', nested: { deep: '깊이' } } },
  en: {
    m: {
      hello: 'Hello',
      count_one: '{{count}} stall',
      count_other: '{{count}} stalls',
      named: 'Dear {{name}}',
      nested: { deep: 'Deep' },
    },
  },
};

function instance(remember: boolean): I18n {
  const i = i18next.createInstance();
  void i.init({
    resources: structuredClone(resources),
    lng: 'ko',
    fallbackLng: 'ko',
    defaultNS: 'm',
    interpolation: { escapeValue: false },
    initImmediate: false,
    showSupportNotice: false,
  });
  if (remember) rememberTranslations(i);
  return i;
}

describe('remembered translations', () => {
  it('give the same texts as i18next itself, in both languages', () => {
    const plain = instance(false);
    const cached = instance(true);
    const calls: [string, Record<string, unknown>?][] = [
      ['hello'],
      ['nested.deep'],
      ['count', { count: 1 }],
      ['count', { count: 3 }],
      ['named', { name: '김사장' }],
      ['named', { name: '박사장' }],
      ['missing.key'],
    ];
    for (const lng of ['ko', 'en']) {
      void plain.changeLanguage(lng);
      void cached.changeLanguage(lng);
      const a = plain.getFixedT(null, 'm');
      const b = cached.getFixedT(null, 'm');
      for (const [key, opts] of calls) {
        // Twice: the second answer comes from memory.
        expect(b(key, opts)).toBe(a(key, opts));
        expect(b(key, opts)).toBe(a(key, opts));
      }
    }
  });

  it('ask i18next once per text, and again after the language changed', () => {
    const i = instance(true);
    const t = i.getFixedT(null, 'm');
    const spy = vi.spyOn(i, 't');
    expect(t('hello')).toBe('안녕하세요');
    expect(t('hello')).toBe('안녕하세요');
    expect(t('count', { count: 2 })).toBe('점포 2곳');
    expect(t('count', { count: 2 })).toBe('점포 2곳');
    expect(spy).toHaveBeenCalledTimes(2);
    // The same `t` (as kept by a component across a language change) follows the language.
    void i.changeLanguage('en');
    expect(t('hello')).toBe('Hello');
    expect(t('count', { count: 2 })).toBe('2 stalls');
    expect(spy).toHaveBeenCalledTimes(4);
  });

  it('do not remember calls whose options hold more than plain values', () => {
    const i = instance(true);
    const t = i.getFixedT(null, 'm');
    const spy = vi.spyOn(i, 't');
    const opts = { name: { toString: () => '김사장' } };
    t('named', opts);
    t('named', opts);
    expect(spy).toHaveBeenCalledTimes(2);
  });

  it('forget what they remembered when resources change', () => {
    const i = instance(true);
    const t = i.getFixedT(null, 'm');
    expect(t('hello')).toBe('안녕하세요');
    i.addResource('ko', 'm', 'hello', '반갑습니다');
    expect(t('hello')).toBe('반갑습니다');
  });

  it('keep a t fixed to a language in that language', () => {
    const i = instance(true);
    const en = i.getFixedT('en', 'm');
    const ko = i.getFixedT('ko', 'm');
    expect(en('hello')).toBe('Hello');
    expect(ko('hello')).toBe('안녕하세요');
    expect(en('hello')).toBe('Hello');
  });
});
