// A name as the store indexes it: folded the way the page matcher folds text without case, spaces collapsed.
import { foldCaseless, IGNORE, SPACE } from '../match/fold';

/** "Zelenskyy’s  Office" and "zelenskyy's office" give the same key; "Київ" keeps its letters. */
export function foldKey(name: string): string {
  let out = '';
  let space = true;
  for (let i = 0; i < name.length; i++) {
    const unit = foldCaseless(name.charCodeAt(i));
    if (unit === IGNORE) continue;
    if (unit === SPACE) {
      if (!space) out += ' ';
      space = true;
      continue;
    }
    out += String.fromCharCode(unit);
    space = false;
  }
  return out.trimEnd();
}
