import { expect, type Locator, type Page } from '@playwright/test'

export type ViewName = 'Claims' | 'Sources'

/** The app as a user sees it: found by role and label, never by component internals. */
export class AppPage {
  constructor(readonly page: Page) {}

  async open(url: string): Promise<void> {
    await this.page.goto(url)
    await expect(this.nav('Claims')).toBeVisible()
  }

  nav(view: ViewName): Locator {
    return this.page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: view })
  }

  async show(view: ViewName): Promise<void> {
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

  /** "3 claims", "1 source" in the toolbar. */
  count(text: string): Locator {
    return this.page.getByText(text, { exact: true })
  }

  grid(view: ViewName): Locator {
    return this.page.getByRole('region', { name: view })
  }

  rows(view: ViewName): Locator {
    return this.grid(view).locator('.ag-row[row-index]')
  }

  row(view: ViewName, text: string): Locator {
    return this.rows(view).filter({ hasText: text })
  }

  cell(view: ViewName, rowText: string, column: string): Locator {
    return this.row(view, rowText).locator(`[role="gridcell"][col-id="${column}"]`)
  }

  columnHeader(view: ViewName, name: string): Locator {
    return this.grid(view).getByRole('columnheader', { name, exact: true })
  }

  /** The text of one column, top to bottom, for the rows in the DOM. */
  async columnTexts(view: ViewName, column: string): Promise<string[]> {
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
    await this.page.getByRole('option', { name: option, exact: true }).click()
    await expect(this.page.locator('.ag-cell-inline-editing, .ag-popup-editor')).toHaveCount(0)
  }

  /** Selects exactly these rows, the desktop way: click the first, Ctrl/Cmd-click the rest. */
  async selectRows(view: ViewName, texts: string[]): Promise<void> {
    for (const [index, text] of texts.entries()) {
      await this.cell(view, text, 'updatedAt').click({
        modifiers: index === 0 ? [] : ['ControlOrMeta']
      })
    }
    await expect(this.page.getByText(`${texts.length} selected`, { exact: true })).toBeVisible()
  }

  /** Adds a row to the selection with its checkbox. */
  async check(view: ViewName, text: string): Promise<void> {
    await this.row(view, text).getByRole('checkbox').check()
  }
}
