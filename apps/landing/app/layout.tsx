import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import './globals.css';

export const metadata: Metadata = {
  title: 'Gametriggers — sponsorships that run live on stream',
  description:
    'Brands fund campaigns, streamers show them live through an OBS overlay, every impression counted.',
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
