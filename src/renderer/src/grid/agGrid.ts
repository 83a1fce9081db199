import {
  CellStyleModule,
  ColumnApiModule,
  CustomEditorModule,
  CustomFilterModule,
  EventApiModule,
  InfiniteRowModelModule,
  LargeTextEditorModule,
  ModuleRegistry,
  NumberEditorModule,
  RenderApiModule,
  RowApiModule,
  RowSelectionModule,
  ScrollApiModule,
  TextEditorModule,
  ValidationModule,
  colorSchemeDark,
  themeQuartz
} from 'ag-grid-community'

/** Only what the grids use: the whole community bundle is several times larger. */
ModuleRegistry.registerModules([
  InfiniteRowModelModule,
  RowSelectionModule,
  TextEditorModule,
  LargeTextEditorModule,
  NumberEditorModule,
  CustomEditorModule,
  CustomFilterModule,
  CellStyleModule,
  ColumnApiModule,
  EventApiModule,
  RenderApiModule,
  RowApiModule,
  ScrollApiModule,
  // Spells out misconfigurations in the console while developing; left out of builds.
  ...(import.meta.env.DEV ? [ValidationModule] : [])
])

export const FONT_STACK = [
  '-apple-system',
  'BlinkMacSystemFont',
  'Segoe UI Variable Text',
  'Segoe UI',
  'Noto Sans',
  'Ubuntu',
  'Cantarell',
  'system-ui',
  'sans-serif'
]

const shared = {
  fontFamily: FONT_STACK,
  fontSize: 13,
  headerFontSize: 12,
  headerFontWeight: 600,
  headerHeight: 36,
  spacing: 6,
  cellHorizontalPadding: 12,
  wrapperBorder: false,
  wrapperBorderRadius: 0,
  borderRadius: 6,
  rowBorder: true,
  columnBorder: false,
  headerColumnBorder: false,
  headerRowBorder: true,
  iconSize: 14,
  checkboxBorderRadius: 4
} as const

export const lightGridTheme = themeQuartz.withParams({
  ...shared,
  browserColorScheme: 'light',
  accentColor: '#3e63dd',
  backgroundColor: '#ffffff',
  foregroundColor: '#1c1d1f',
  textColor: '#1c1d1f',
  subtleTextColor: '#6b6e76',
  borderColor: '#e8e8e6',
  headerBackgroundColor: '#fbfbfa',
  headerTextColor: '#5f626a',
  headerColumnResizeHandleColor: '#e0e0dd',
  rowHoverColor: '#f6f7f9',
  selectedRowBackgroundColor: '#eef2fe',
  menuBackgroundColor: '#ffffff',
  inputFocusBorder: { color: '#3e63dd' }
})

export const darkGridTheme = themeQuartz.withPart(colorSchemeDark).withParams({
  ...shared,
  browserColorScheme: 'dark',
  accentColor: '#7b93f5',
  backgroundColor: '#18191b',
  foregroundColor: '#e4e5e8',
  textColor: '#e4e5e8',
  subtleTextColor: '#9a9ca3',
  borderColor: '#2a2b2f',
  headerBackgroundColor: '#1c1d20',
  headerTextColor: '#a3a5ac',
  headerColumnResizeHandleColor: '#303136',
  rowHoverColor: '#1f2024',
  selectedRowBackgroundColor: '#232a45',
  menuBackgroundColor: '#222326',
  inputFocusBorder: { color: '#7b93f5' }
})
