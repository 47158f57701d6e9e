// True while the tutor is typing (a text field has focus), so update prompts never appear mid-sentence.
import { useEffect, useState } from 'react';

const NOT_TEXT = new Set([
  'button',
  'checkbox',
  'radio',
  'submit',
  'reset',
  'range',
  'color',
  'file',
  'image',
  'hidden',
]);

export function isTextField(el: Element | null | undefined): boolean {
  if (!el) return false;
  if (el instanceof HTMLTextAreaElement) return true;
  if (el instanceof HTMLInputElement) return !NOT_TEXT.has(el.type);
  return el instanceof HTMLElement && el.isContentEditable;
}

/** Whether a text field has focus; turns false `settleMs` after the last one loses it. */
export function useTextFieldFocus(settleMs = 1500): boolean {
  const [typing, setTyping] = useState(() => typeof document !== 'undefined' && isTextField(document.activeElement));

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onIn = (e: FocusEvent) => {
      if (!isTextField(e.target as Element | null)) return;
      clearTimeout(timer);
      setTyping(true);
    };
    const onOut = (e: FocusEvent) => {
      if (isTextField(e.relatedTarget as Element | null)) return;
      clearTimeout(timer);
      // Wait a moment: the tap that blurred the field (e.g. on Save) must land before anything moves.
      timer = setTimeout(() => setTyping(isTextField(document.activeElement)), settleMs);
    };
    document.addEventListener('focusin', onIn);
    document.addEventListener('focusout', onOut);
    return () => {
      clearTimeout(timer);
      document.removeEventListener('focusin', onIn);
      document.removeEventListener('focusout', onOut);
    };
  }, [settleMs]);

  return typing;
}
