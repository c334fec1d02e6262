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
export { CheckboxGroup, FieldFrame, Select, Textarea } from './form-controls';
export type { Option } from './form-controls';
export { DetailList, LoadMore, StatCard, Stepper, Table, Tabs } from './data-display';
export type { Column, SortDirection, TableSort } from './data-display';
export { ReasonConfirm } from './reason-confirm';
export type { ReasonConfirmResult } from './reason-confirm';
export { AdCard, AdCardPreview } from './ad-card-preview';
export type { AdCardContent } from './ad-card/ad-card.js';
export { ProfileModerationNotice } from './profile-moderation-notice';
export { RouteError } from './route-error';
export { BarChart, LineChart } from './charts';
export type { ChartProps, ChartSeries } from './charts';
export { RadioCards } from './radio-cards';
export type { RadioCardOption } from './radio-cards';
export { DeliveryCharts } from './analytics/delivery-charts';
export {
  DeliveryTotals,
  deliveryFigureColumns,
  formatClickThroughRate,
} from './analytics/delivery-figures';
export { RangePicker, ReportRangePicker } from './analytics/report-range-picker';
export { StatementDownload } from './money/statement-download';
export { statementMonths } from './money/statement-months';
export { LocalTime } from './local-time';
export { DisputeEvidenceForm } from './disputes/dispute-evidence-form';
export type { DisputeActionResult, OpenDisputeAction, RespondDisputeAction } from './disputes/dispute-evidence-form';
export { DisputeResponseCard } from './disputes/dispute-response-card';
export { ParticipationDisputeControl } from './disputes/participation-dispute-control';
export { DisputeDetails, DisputeStatusBadge, disputeOutcomeLabels } from './disputes/dispute-details';
export type { DisputeForDisplay } from './disputes/dispute-details';
export { DisputesTable } from './disputes/disputes-table';
export { latestDisputeByParticipation } from './disputes/latest-dispute-by-participation';
