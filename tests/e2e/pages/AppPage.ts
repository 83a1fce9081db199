import { expect, type Locator, type Page } from '@playwright/test'

/** The few DOM shapes the in-page helpers use (the tests compile without lib.dom). */
type PageText = { data: string; parentElement: PageElement | null }
type PageElement = {
  querySelectorAll(selector: string): Iterable<PageElement>
  childNodes: Iterable<unknown>
  scrollIntoView(options: { block: string }): void
}
type PageRange = {
  setStart(node: PageText, offset: number): void
  setEnd(node: PageText, offset: number): void
}
type PageWindow = {
  Text: new () => PageText
  document: { createRange(): PageRange }
  getSelection(): { removeAllRanges(): void; addRange(range: PageRange): void } | null
}

export type ViewName = 'Claims' | 'Sources'
export type NavName = ViewName | 'Tags' | 'Timeline' | 'Disagreements' | 'Compare' | 'Trash'
export type GridName = ViewName | 'Trashed claims' | 'Trashed sources'

/** The app as a user sees it: found by role and label, never by component internals. */
export class AppPage {
  private inFlight = 0
  private lastRequestAt = 0

  constructor(readonly page: Page) {
    // Requests to the app's own server: the API, and assets such as fonts loaded on demand.
    const isApi = (url: string) => url.startsWith('http://127.0.0.1')
    page.on('request', (request) => {
      if (!isApi(request.url())) return
      this.inFlight += 1
      this.lastRequestAt = Date.now()
    })
    const done = (request: { url(): string }) => {
      if (isApi(request.url())) this.inFlight = Math.max(0, this.inFlight - 1)
    }
    page.on('requestfinished', done)
    page.on('requestfailed', done)
  }

  /**
   * Waits until the page has had no request to the core in flight for a moment (an answer
   * often sets off the next request): a server stopped under an unanswered request would
   * make the browser log a connection error.
   */
  async settle(quietMs = 300): Promise<void> {
    await expect
      .poll(() => this.inFlight === 0 && Date.now() - this.lastRequestAt >= quietMs, {
        timeout: 10_000,
        intervals: [50]
      })
      .toBe(true)
  }

  async open(url: string): Promise<void> {
    await this.page.goto(url)
    await expect(this.nav('Claims')).toBeVisible()
  }

  nav(view: NavName): Locator {
    return this.page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: view })
  }

  async show(view: NavName): Promise<void> {
    await this.nav(view).click()
    await expect(this.page.getByRole('heading', { level: 1, name: view })).toBeVisible()
  }

  get search(): Locator {
    return this.page.getByRole('searchbox', { name: 'Search' })
  }

  get alerts(): Locator {
    return this.page.getByRole('alert')
  }

  button(name: string): Locator {
    return this.page.getByRole('button', { name, exact: true })
  }

  dialog(name: string | RegExp): Locator {
    return this.page.getByRole('dialog', { name })
  }

  /** "3 claims", "1 source" in the toolbar (views stay mounted, hidden, when not shown). */
  count(text: string): Locator {
    return this.page.getByText(text, { exact: true }).filter({ visible: true })
  }

  grid(view: GridName): Locator {
    return this.page.getByRole('region', { name: view })
  }

  rows(view: GridName): Locator {
    return this.grid(view).locator('.ag-row[row-index]')
  }

  row(view: GridName, text: string): Locator {
    return this.rows(view).filter({ hasText: text })
  }

  cell(view: GridName, rowText: string, column: string): Locator {
    return this.row(view, rowText).locator(`[role="gridcell"][col-id="${column}"]`)
  }

  columnHeader(view: GridName, name: string): Locator {
    return this.grid(view).getByRole('columnheader', { name, exact: true })
  }

  /** The text of one column, top to bottom, for the rows in the DOM. */
  async columnTexts(view: GridName, column: string): Promise<string[]> {
    return this.rows(view).evaluateAll(
      (rows, col) =>
        rows
          .map((row) => ({
            index: Number(row.getAttribute('row-index')),
            text: row.querySelector(`[col-id="${col}"]`)?.textContent?.trim() ?? ''
          }))
          .sort((a, b) => a.index - b.index)
          .map((row) => row.text),
      column
    )
  }

  async createClaim(text: string): Promise<void> {
    await this.button('New claim').click()
    const dialog = this.dialog('New claim')
    await dialog.getByLabel('Claim text').fill(text)
    await dialog.getByLabel('Claim text').press('ControlOrMeta+Enter')
    await expect(dialog).toBeHidden()
    await expect(this.row('Claims', text)).toBeVisible()
  }

  async createSource(title: string, url?: string): Promise<void> {
    await this.button('New source').click()
    const dialog = this.dialog('New source')
    await dialog.getByLabel('Title').fill(title)
    if (url) await dialog.getByLabel('URL').fill(url)
    await dialog.getByRole('button', { name: 'Create' }).click()
    await expect(dialog).toBeHidden()
    await expect(this.row('Sources', title)).toBeVisible()
  }

  /** Double-clicks a text cell, replaces its text and saves with Enter. */
  async editText(view: ViewName, rowText: string, column: string, value: string): Promise<void> {
    await this.cell(view, rowText, column).dblclick()
    const editor = this.page.locator('.ag-popup-editor textarea, .ag-cell-inline-editing input')
    await editor.first().fill(value)
    await editor.first().press('Enter')
    await expect(this.page.locator('.ag-cell-inline-editing, .ag-popup-editor')).toHaveCount(0)
  }

  /** Opens a select cell and picks an option by its label. */
  async choose(view: ViewName, rowText: string, column: string, option: string): Promise<void> {
    await this.cell(view, rowText, column).dblclick()
    await this.page.getByRole('listbox').getByRole('option', { name: option, exact: true }).click()
    await expect(this.page.locator('.ag-cell-inline-editing, .ag-popup-editor')).toHaveCount(0)
  }

  /** Selects exactly these rows, the desktop way: click the first, Ctrl/Cmd-click the rest. */
  async selectRows(view: GridName, texts: string[], column = 'updatedAt'): Promise<void> {
    for (const [index, text] of texts.entries()) {
      await this.cell(view, text, column).click({
        modifiers: index === 0 ? [] : ['ControlOrMeta']
      })
    }
    await expect(this.page.getByText(`${texts.length} selected`, { exact: true })).toBeVisible()
  }

  /** Adds a row to the selection with its checkbox. */
  async check(view: GridName, text: string): Promise<void> {
    await this.row(view, text).getByRole('checkbox').check()
  }

  /** The toast that says what just happened ("Undone: …", "Tagged 3 claims …"). */
  toast(text: string | RegExp): Locator {
    return this.page.getByRole('status').filter({ hasText: text })
  }

  /** The detail panel beside a grid: "Claim details" or "Source details". */
  details(kind: 'Claim' | 'Source' = 'Claim'): Locator {
    return this.page.getByRole('complementary', { name: `${kind} details` })
  }

  /** Shows the detail panel if it is hidden. */
  async openDetails(): Promise<void> {
    const toggle = this.page.getByRole('button', { name: 'Details', exact: true })
    if ((await toggle.getAttribute('aria-pressed')) !== 'true') await toggle.click()
    await expect(toggle).toHaveAttribute('aria-pressed', 'true')
  }

  /** Opens the filter of a column from its header (the funnel button). */
  async openColumnFilter(view: GridName, colId: string): Promise<void> {
    await this.grid(view)
      .locator(`.ag-header-cell[col-id="${colId}"] .ag-header-cell-filter-button`)
      .click()
  }

  get activeFilters(): Locator {
    return this.page.getByRole('region', { name: 'Active filters' })
  }

  get bulkBar(): Locator {
    return this.page.getByRole('toolbar', { name: 'Selected rows' })
  }

  /** A tag in the Tags view's codebook tree, by its path ("Economy / Trade"). */
  tagItem(path: string): Locator {
    return this.page.getByRole('tree', { name: 'Codebook' }).getByRole('treeitem', {
      name: path,
      exact: true
    })
  }

  /** Creates a tag from the Tags view's New tag dialog. */
  async createTag(name: string, parent?: string): Promise<void> {
    await this.button('New tag').click()
    const dialog = this.dialog('New tag')
    await dialog.getByLabel('Name').fill(name)
    if (parent) await dialog.getByLabel('Parent').selectOption({ label: parent })
    await dialog.getByRole('button', { name: 'Create tag' }).click()
    await expect(dialog).toBeHidden()
    await expect(this.tagItem(parent ? `${parent} / ${name}` : name)).toBeVisible()
  }
  // ---- Import and the reader (features/import, features/reader) ----

  /** Opens the import dialog from the Sources toolbar. */
  async openImport(): Promise<Locator> {
    await this.show('Sources')
    await this.button('Import…').click()
    const dialog = this.dialog('Import documents')
    await expect(dialog).toBeVisible()
    return dialog
  }

  /** Opens a source in the reader from its row in the Sources grid. */
  async read(title: string): Promise<void> {
    await this.show('Sources')
    await this.page.getByRole('button', { name: `Read ${title}`, exact: true }).click()
    await expect(this.page.getByRole('heading', { level: 1, name: title })).toBeVisible()
  }

  /** The source open in the reader: its header and its text. */
  get reader(): Locator {
    return this.page.getByRole('article')
  }

  /** Cited passages in the reader's text (one per run of text with the same citations). */
  get highlights(): Locator {
    return this.reader.locator('mark')
  }

  /**
   * Selects text in the reader the way a drag would: from the first occurrence of `from` to
   * the end of the first occurrence of `to` after it (`to` defaults to `from`). Either may
   * cross highlighted runs; `from` and `to` may lie in different paragraphs.
   */
  async selectInReader(from: string, to: string = from): Promise<void> {
    await this.reader.evaluate(
      (article: unknown, [first, last]: readonly [string, string]) => {
        const page = globalThis as unknown as PageWindow
        const runs = [...(article as PageElement).querySelectorAll('[data-start]')]
        const nodes = runs.flatMap((run) =>
          [...run.childNodes].filter((node): node is PageText => node instanceof page.Text)
        )
        let all = ''
        const starts: number[] = []
        for (const node of nodes) {
          starts.push(all.length)
          all += node.data
        }
        const locate = (offset: number, edge: 'start' | 'end'): [PageText, number] => {
          for (let i = nodes.length - 1; i >= 0; i--) {
            const start = starts[i] ?? 0
            const node = nodes[i]
            if (node && (edge === 'start' ? offset >= start : offset > start)) {
              return [node, offset - start]
            }
          }
          throw new Error(`No text at ${offset}`)
        }
        const begin = all.indexOf(first)
        if (begin < 0) throw new Error(`“${first}” is not in the reader`)
        const endAt = all.indexOf(last, begin)
        if (endAt < 0) throw new Error(`“${last}” does not follow “${first}” in the reader`)
        const [startNode, startOffset] = locate(begin, 'start')
        const [endNode, endOffset] = locate(endAt + last.length, 'end')
        startNode.parentElement?.scrollIntoView({ block: 'center' })
        const range = page.document.createRange()
        range.setStart(startNode, startOffset)
        range.setEnd(endNode, endOffset)
        const selection = page.getSelection()
        selection?.removeAllRanges()
        selection?.addRange(range)
      },
      [from, to] as const
    )
    await expect(this.page.getByRole('toolbar', { name: 'Selection' })).toBeVisible()
  }
}
