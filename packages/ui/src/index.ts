export { AppShell, EmptyState, PageHeader } from './app-shell';
export type { NavItem } from './app-shell';
export { cn } from './cn';
export { Alert, Badge, Button, Card, Field, Logo } from './controls';
