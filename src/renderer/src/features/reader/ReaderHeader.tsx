import { RELIABILITY_LABELS } from '../../../../shared/domain'
import type { SourceWithContent } from '../../../../shared/types'
import { countWords, formatPublished, languageName, readingTime, shortUrl } from './format'
import { onExternalLinkClick } from '../../lib/links'
import { LinkIcon } from './icons'

const KIND_LABELS: Record<SourceWithContent['kind'], string> = {
  article: 'Article',
  report: 'Report',
  interview: 'Interview',
  dataset: 'Dataset',
  other: 'Document'
}

/** The source's metadata above its text: what it is, who published it, when, how reliable. */
export function ReaderHeader({ source }: { source: SourceWithContent }) {
  const words = countWords(source.content)
  const kicker = [
    source.publisher,
    source.publishedAt ? formatPublished(source.publishedAt) : null,
    source.language ? languageName(source.language) : null
  ].filter((part): part is string => Boolean(part))

  return (
    <header className="reader-meta">
      <p className="reader-kicker">
        <span className="reader-kind">{KIND_LABELS[source.kind]}</span>
        {kicker.map((part) => (
          <span key={part} className="reader-kicker-part">
            {part}
          </span>
        ))}
      </p>
      <h1 className="reader-title">{source.title}</h1>
      {source.author ? <p className="reader-byline">By {source.author}</p> : null}
      <dl className="reader-facts">
        <div className="reader-fact">
          <dt>Reliability</dt>
          <dd>
            {source.reliability ? (
              <span className="grade" title={RELIABILITY_LABELS[source.reliability]}>
                <span className={`grade-code grade-${source.reliability}`}>
                  {source.reliability}
                </span>
                <span className="grade-label">{RELIABILITY_LABELS[source.reliability]}</span>
              </span>
            ) : (
              <span className="reader-fact-empty">Not graded</span>
            )}
          </dd>
        </div>
        {source.url ? (
          <div className="reader-fact reader-fact-url">
            <dt>URL</dt>
            <dd>
              <a
                href={source.url}
                target="_blank"
                rel="noreferrer noopener"
                title={source.url}
                onClick={(event) => onExternalLinkClick(event, source.url ?? '')}
              >
                <LinkIcon />
                <span>{shortUrl(source.url)}</span>
              </a>
            </dd>
          </div>
        ) : null}
        <div className="reader-fact">
          <dt>Length</dt>
          <dd>
            {words.toLocaleString()} words · {readingTime(words)}
          </dd>
        </div>
      </dl>
    </header>
  )
}
