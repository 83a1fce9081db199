/**
 * The project's working language: the language the analyst writes claims and translations in
 * (sources stay in theirs). Kept as a project setting; a BCP 47 code, English when unset.
 */

export const WORKING_LANGUAGE_SETTING = 'workingLanguage'
export const DEFAULT_WORKING_LANGUAGE = 'en'

export const WORKING_LANGUAGES: ReadonlyArray<{ code: string; name: string }> = [
  { code: 'en', name: 'English' },
  { code: 'nb', name: 'Norwegian (bokmål)' },
  { code: 'de', name: 'German' },
  { code: 'fr', name: 'French' },
  { code: 'es', name: 'Spanish' },
  { code: 'vi', name: 'Vietnamese' },
  { code: 'ja', name: 'Japanese' }
]

/** The language a stored setting names, English for anything unknown. */
export function workingLanguage(value: string | null | undefined): { code: string; name: string } {
  return (
    WORKING_LANGUAGES.find((language) => language.code === value) ??
    (WORKING_LANGUAGES[0] as { code: string; name: string })
  )
}
