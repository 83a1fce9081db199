/**
 * What the CLI prints can come from documents (a title, a file name, an error quoting either).
 * A terminal obeys the control characters in it: ESC starts sequences that move the cursor,
 * rewrite the window title or hide text (CSI, OSC), C1 controls do the same on some terminals,
 * and bidi overrides reorder what the reader sees. They are written as visible `\uXXXX`
 * escapes instead; line breaks and tabs stay. Inside a JSON string that notation is the same
 * character, so `--json` output still parses to the same value.
 */
const UNSAFE =
  // eslint-disable-next-line no-control-regex -- control characters are what this matches
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g

export function terminalSafe(text: string): string {
  return text.replace(UNSAFE, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`)
}
