/** Administrative suffixes whose stem is also used alone (`奇台县` → `奇台`). */
const ADMIN_SUFFIX = /(?:街道|自治县|县|镇|乡|市|区)$/;
/** Words that only say "this township / county": they differ between peers without changing the duty. */
const PLACE_WORDS = /街道|乡镇|[乡镇县]/g;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Removes place names from an item's text so that the lists of two townships can be compared: `负责本镇…` in
 * one and `负责本乡…` in the other, or `奇台县民政局` and `木垒县民政局`, are the same duty. Removes the given
 * names (county and township, e.g. `['奇台县', '碧流河镇']`) and their stems, then every 乡/镇/县/街道 word.
 * The result is only a comparison key, never shown: `乡村振兴` becoming `村振兴` on both sides is harmless.
 */
export function stripPlaceNames(text: string, placeNames: readonly string[] = []): string {
  const names = new Set<string>();
  for (const raw of placeNames) {
    const name = raw.trim();
    if (!name) continue;
    names.add(name);
    const stem = name.replace(ADMIN_SUFFIX, '');
    if (stem.length >= 2) names.add(stem);
  }
  let result = text;
  if (names.size > 0) {
    const longestFirst = [...names].sort((a, b) => b.length - a.length).map(escapeRegExp);
    result = result.replace(new RegExp(longestFirst.join('|'), 'g'), '');
  }
  return result.replace(PLACE_WORDS, '');
}
