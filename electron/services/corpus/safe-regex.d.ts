/** safe-regex 2 ships no types: it answers whether a pattern's star height is at most one (and its repetitions within `limit`). */
declare module 'safe-regex' {
  export default function safeRegex(pattern: RegExp | string, options?: { limit?: number }): boolean;
}
