import type { NotificationCategory } from '@gametriggers/contracts';
import { isPreferenceLocked, notificationCategoryLabels } from '@gametriggers/contracts';
import { Body, Button, Container, Head, Heading, Hr, Html, Link, Preview, Section, Text } from '@react-email/components';
import { render, toPlainText } from '@react-email/render';

export interface EmailAction {
  /** What the button says, e.g. “Open in Gametriggers”. */
  label: string;
  /** Absolute: the recipient's portal and the path, or an account link. */
  url: string;
}

export interface NotificationEmailInput {
  category: NotificationCategory;
  title: string;
  body: string;
  action: EmailAction | null;
  /** A line under the button, e.g. how long a link works. */
  note?: string | undefined;
  /** Absolute: the recipient's notification settings, with this category to turn off; null when it cannot be. */
  unsubscribeUrl: string | null;
}

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

const colours = { brand: '#6d28d9', page: '#f4f4f7', muted: '#555555', ink: '#111111' };

/** Why this person gets this email, in the footer of every one. */
export function whyThisEmail(category: NotificationCategory): string {
  const label = notificationCategoryLabels[category].toLowerCase();
  return isPreferenceLocked(category, 'email')
    ? `You get ${label} emails because they concern your funds or your account; they cannot be turned off.`
    : `You get this because ${label} emails are on in your notification settings.`;
}

/**
 * The one layout of every email: the brand, the notice, its call to action, and a footer saying why
 * it came with the category's unsubscribe link. React escapes every text it is given.
 */
export function NotificationEmail(input: NotificationEmailInput) {
  const label = notificationCategoryLabels[input.category].toLowerCase();
  return (
    <Html lang="en">
      <Head />
      <Preview>{input.body}</Preview>
      <Body style={{ margin: 0, backgroundColor: colours.page, fontFamily: 'system-ui, sans-serif', color: colours.ink }}>
        <Container style={{ maxWidth: 480, margin: '32px auto', backgroundColor: '#ffffff', borderRadius: 12, padding: 32 }}>
          <Text style={{ fontWeight: 700, color: colours.brand, margin: '0 0 24px' }}>Gametriggers</Text>
          <Heading as="h1" style={{ fontSize: 20, margin: '0 0 12px' }}>
            {input.title}
          </Heading>
          <Text style={{ lineHeight: 1.5, margin: '0 0 24px' }}>{input.body}</Text>
          {input.action ? (
            <Section>
              <Button
                href={input.action.url}
                style={{ backgroundColor: colours.brand, color: '#ffffff', padding: '12px 20px', borderRadius: 8, textDecoration: 'none' }}
              >
                {input.action.label}
              </Button>
            </Section>
          ) : null}
          {input.note ? <Text style={{ fontSize: 13, color: colours.muted, lineHeight: 1.5 }}>{input.note}</Text> : null}
          <Hr style={{ margin: '24px 0 12px' }} />
          <Text style={{ fontSize: 13, color: colours.muted, lineHeight: 1.5, margin: 0 }}>{whyThisEmail(input.category)}</Text>
          {input.unsubscribeUrl ? (
            <Link href={input.unsubscribeUrl} style={{ fontSize: 13, color: colours.muted }}>
              {`Stop ${label} emails`}
            </Link>
          ) : null}
        </Container>
      </Body>
    </Html>
  );
}

/** The HTML part, and the plain-text part made from it (headings as written, links spelled out). */
export async function renderNotificationEmail(input: NotificationEmailInput): Promise<RenderedEmail> {
  const html = await render(<NotificationEmail {...input} />);
  const text = toPlainText(html, { selectors: [{ selector: 'h1', options: { uppercase: false } }] });
  return { subject: input.title, html, text };
}
