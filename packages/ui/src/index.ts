export { AppShell } from './app-shell';
export type { NavItem } from './app-shell';
export { EmptyState, PageHeader } from './page-parts';
export { cn } from './cn';
export {
  Alert,
  Badge,
  Button,
  ButtonLink,
  Card,
  Field,
  Input,
  Logo,
  Spinner,
  focusRing,
} from './controls';
