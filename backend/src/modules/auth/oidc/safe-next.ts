/** A page inside the app to return to after login (never another site, never the login page). */
export function safeNext(next: unknown): string {
  if (
    typeof next === 'string' &&
    next.length <= 1000 &&
    next.startsWith('/') &&
    !next.startsWith('//') &&
    !next.includes('\\') &&
    !next.startsWith('/login') &&
    ![...next].some((ch) => ch.charCodeAt(0) < 0x20)
  ) {
    return next;
  }
  return '/lists';
}
