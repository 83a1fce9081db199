/**
 * HTML built by construction: every value interpolated into `html\`…\`` is escaped unless it is
 * itself a fragment built by `html`. There is no way to put a plain string into the output
 * unescaped except `trustedCss`, which only the document's own stylesheets go through.
 */

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;'
}

/** Escapes text for use in HTML element content and quoted attribute values. */
export function escapeHtml(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return ''
  return String(value).replace(/[&<>"']/g, (char) => HTML_ESCAPES[char] ?? char)
}

/** Only this module holds the key that makes fragments. */
const KEY = Symbol('html fragment')

/** A piece of markup that is already safe: built by `html` from escaped parts. */
export class Html {
  readonly #markup: string
  constructor(key: symbol, markup: string) {
    if (key !== KEY) throw new Error('Markup is made with html`…`, not new Html()')
    this.#markup = markup
  }
  toString(): string {
    return this.#markup
  }
}

const fragment = (markup: string): Html => new Html(KEY, markup)

/** What may stand in a `${}`: text and numbers (escaped), fragments, lists of those, or nothing. */
export type HtmlValue = Html | string | number | null | undefined | false | readonly HtmlValue[]

function render(value: HtmlValue): string {
  if (value === null || value === undefined || value === false) return ''
  if (value instanceof Html) return value.toString()
  if (Array.isArray(value)) return value.map(render).join('')
  return escapeHtml(value as string | number)
}

export function html(strings: TemplateStringsArray, ...values: readonly HtmlValue[]): Html {
  let out = strings[0] ?? ''
  for (let index = 0; index < values.length; index++) {
    out += render(values[index] as HtmlValue) + (strings[index + 1] ?? '')
  }
  return fragment(out)
}

/** Fragments joined with a separator (itself escaped when it is text). */
export function joinHtml(parts: readonly HtmlValue[], separator: HtmlValue): Html {
  const sep = render(separator)
  return fragment(
    parts
      .map(render)
      .filter((part) => part !== '')
      .join(sep)
  )
}

/**
 * A stylesheet for a `<style>` element. CSS is not escaped like text (quotes and `>` are part of
 * it), so only our own sheets come here; a `</style` inside one could end the element and is
 * refused.
 */
export function trustedCss(css: string): Html {
  if (/<\/style/i.test(css)) throw new Error('A stylesheet may not contain </style')
  return fragment(css)
}
