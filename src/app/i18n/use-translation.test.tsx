// The app's useTranslation: the current language's text, a language change re-renders, nothing else does.
import { act, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { i18next, initI18n } from './index';
import { useTranslation } from './use-translation';

afterEach(async () => {
  await act(() => i18next.changeLanguage('ko'));
});

function Tab({ renders }: { renders: unknown[] }) {
  const { t } = useTranslation();
  renders.push(t);
  return <p>{t('nav.stalls')}</p>;
}

function Merchants() {
  const { t, i18n } = useTranslation('merchants');
  return (
    <p>
      {t('detail.edit')} ({i18n.language})
    </p>
  );
}

describe('useTranslation', () => {
  it('shows the current language and follows a change of language', async () => {
    initI18n('ko');
    const renders: unknown[] = [];
    render(
      <>
        <Tab renders={renders} />
        <Merchants />
      </>,
    );
    expect(screen.getByText('점포')).toBeInTheDocument();
    expect(screen.getByText('정보 수정 (ko)')).toBeInTheDocument();
    await act(() => i18next.changeLanguage('en'));
    expect(screen.getByText('Stalls')).toBeInTheDocument();
    expect(screen.getByText('Edit (en)')).toBeInTheDocument();
  });

  it('renders a mounted component once, with one `t` across renders, until the language changes', async () => {
    initI18n('ko');
    const renders: unknown[] = [];
    const { rerender } = render(<Tab renders={renders} />);
    // Give a mount effect time to set state: no second render may follow.
    await act(() => new Promise((r) => setTimeout(r, 20)));
    expect(renders).toHaveLength(1);
    rerender(<Tab renders={renders} />);
    expect(renders[1]).toBe(renders[0]);
    await act(() => i18next.changeLanguage('en'));
    expect(renders).toHaveLength(3);
    expect(renders[2]).not.toBe(renders[0]);
  });
});
