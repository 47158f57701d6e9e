// Install offers: the browser's beforeinstallprompt (Chrome, Edge, Samsung Internet) and, on iPad/iPhone
// Safari where there is none, a hint to use "Add to Home Screen". Both can be dismissed and stay dismissed.
import { useCallback, useEffect, useState } from 'react';
import { whenIdle } from '../ui/when-idle';

interface BeforeInstallPromptEvent extends Event {
  prompt(): Promise<void>;
  userChoice: Promise<{ outcome: 'accepted' | 'dismissed' }>;
}

const INSTALL_DISMISSED = 'dangol.installDismissed';
const IOS_HINT_DISMISSED = 'dangol.iosHintDismissed';

export function isStandalone(): boolean {
  const nav = navigator as Navigator & { standalone?: boolean };
  if (nav.standalone === true) return true;
  return typeof window.matchMedia === 'function' && window.matchMedia('(display-mode: standalone)').matches;
}

/** iPhone/iPad Safari (iPadOS reports itself as a Mac with touch); not Chrome/Firefox/Edge on iOS. */
export function isIosSafari(ua = navigator.userAgent, touchPoints = navigator.maxTouchPoints ?? 0): boolean {
  const ios = /iPad|iPhone|iPod/.test(ua) || (/Macintosh/.test(ua) && touchPoints > 1);
  return ios && /Safari/.test(ua) && !/CriOS|FxiOS|EdgiOS|OPiOS/.test(ua);
}

function remembered(key: string): boolean {
  try {
    return localStorage.getItem(key) === '1';
  } catch {
    return false;
  }
}

function remember(key: string) {
  try {
    localStorage.setItem(key, '1');
  } catch {
    // Private mode or full storage: the hint simply comes back next time.
  }
}

export function useInstallPrompt() {
  const [deferred, setDeferred] = useState<BeforeInstallPromptEvent | null>(null);
  // Read when an offer comes, not on mount: the page's first localStorage read took ≈ 27 ms at CPU 4x and the
  // banners mount 1 s after start, inside the first tab tap (bench 4b). Nothing is shown before the offer.
  const [installDismissed, setInstallDismissed] = useState(false);
  const [iosHint, setIosHint] = useState(false);

  useEffect(() => {
    // The iPad/iPhone hint is worked out when the browser is idle (same reason); it shows as soon as known.
    const idle = whenIdle(() => setIosHint(isIosSafari() && !isStandalone() && !remembered(IOS_HINT_DISMISSED)), {
      timeout: 5000,
    });
    const onPrompt = (e: Event) => {
      e.preventDefault();
      setInstallDismissed((dismissed) => dismissed || remembered(INSTALL_DISMISSED));
      setDeferred(e as BeforeInstallPromptEvent);
    };
    const onInstalled = () => setDeferred(null);
    window.addEventListener('beforeinstallprompt', onPrompt);
    window.addEventListener('appinstalled', onInstalled);
    return () => {
      idle();
      window.removeEventListener('beforeinstallprompt', onPrompt);
      window.removeEventListener('appinstalled', onInstalled);
    };
  }, []);

  const install = useCallback(async () => {
    if (!deferred) return;
    setDeferred(null);
    await deferred.prompt();
    await deferred.userChoice.catch(() => null);
  }, [deferred]);

  const dismissInstall = useCallback(() => {
    remember(INSTALL_DISMISSED);
    setInstallDismissed(true);
  }, []);

  const dismissIosHint = useCallback(() => {
    remember(IOS_HINT_DISMISSED);
    setIosHint(false);
  }, []);

  return {
    canInstall: deferred !== null && !installDismissed,
    install,
    dismissInstall,
    showIosHint: iosHint,
    dismissIosHint,
  };
}
