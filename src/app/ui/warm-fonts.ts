// The first text laid out in a font size or weight the page has not used yet is slow: the browser sets up that
// font instance and the fallbacks for its Latin letters, digits and punctuation. The 점포 list and a stall's
// detail use five sizes/weights Today does not (list name 1.15rem bold, badge, strong, h3, h2): their first
// layout paid for them inside the first tap on 점포 and the first stall opening (bench 4b, 4c; a hidden sample
// of the five took ≈ 40 ms at CPU 4x). Laying out a hidden sample when the browser is idle after start sets them
// up before those taps: one style per idle task (`WARM_FONT_STYLES`), so a tap that comes during one waits less.

const SAMPLE = '가나다 점포 채널 체크리스트 Abc xyz 0123456789 · … ← ( ) / :';

type TextStyle = [tag: string, className: string, fontSize: string];

/** Element and inline style of each text style to set up (the list name's size is stall-row.tsx's). */
export const WARM_FONT_STYLES: readonly TextStyle[] = [
  ['h2', '', ''],
  ['h3', '', ''],
  ['strong', '', ''],
  ['strong', '', '1.15rem'],
  ['span', 'badge', ''],
];

/** Lays out a hidden, detached-from-view sample of each of `styles` now, then removes it. */
export function warmFonts(styles: readonly TextStyle[], doc: Document = document): void {
  const box = doc.createElement('div');
  box.setAttribute('aria-hidden', 'true');
  box.style.cssText =
    'position:absolute;left:0;top:0;width:600px;height:600px;overflow:hidden;visibility:hidden;contain:strict;pointer-events:none';
  for (const [tag, className, fontSize] of styles) {
    const el = doc.createElement(tag);
    if (className) el.className = className;
    if (fontSize) el.style.fontSize = fontSize;
    el.textContent = SAMPLE;
    box.append(el);
  }
  doc.body.append(box);
  box.getBoundingClientRect();
  box.remove();
}
