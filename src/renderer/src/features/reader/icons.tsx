/** The reader's icons live with the app's others; these names are the reader's. */
export {
  ChevronUpIcon,
  FindNextIcon as ChevronDownIcon,
  BackIcon,
  QuoteIcon,
  UrlIcon as LinkIcon,
  EditTextIcon as PencilIcon,
  ClaimPlusIcon,
  ArrowOutIcon,
  ImportIcon,
  BookIcon,
  WarningIcon,
  FileIcon
} from '../../components/Icons'
