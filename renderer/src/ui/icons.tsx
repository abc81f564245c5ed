/**
 * The icons the app uses, re-exported from lucide-react in one place so that screens agree on
 * which glyph means what.
 */
export {
  BookOpen as LibraryIcon,
  Network as MapIcon,
  Scale as DecisionIcon,
  Sun as LightIcon,
  Moon as DarkIcon,
  Monitor as SystemIcon,
  ArrowRight as OutgoingIcon,
  ArrowLeft as IncomingIcon,
  FileText as SourceIcon,
} from 'lucide-react';
