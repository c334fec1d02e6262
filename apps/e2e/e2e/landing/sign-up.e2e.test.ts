import { createMailboxClient } from '@gametriggers/testing';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, screenshot, textOf, uniqueEmail, urls } from '../../src/browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser.close());

describe('the public site', () => {
  it('shows the marketing page and the sign-up and sign-in pages', async () => {
    const page = await browser.newPage();
    await page.goto(urls.landing);
    expect(await textOf(page.getByRole('heading', { level: 1 }))).toBeTruthy();
    await screenshot(page, 'landing-home');
    await page.goto(`${urls.landing}/sign-up`);
    await screenshot(page, 'landing-sign-up');
    await page.goto(`${urls.landing}/sign-in`);
    expect(await page.getByRole('button', { name: 'Continue with Twitch' }).count()).toBe(1);
    await screenshot(page, 'landing-sign-in');
    await page.close();
  });
});

describe('signing up as a brand', () => {
  it('signs up, confirms the email and lands in the brand portal showing the email', async () => {
    const page = await browser.newPage();
    const email = uniqueEmail('brand');
    await page.goto(`${urls.landing}/sign-up`);
    await page.getByText("I'm a brand").click();
    await page.fill('#name', 'Acme Games');
    await page.fill('#email', email);
    await page.fill('#password', 'a strong password 1');
    await page.getByRole('button', { name: 'Create account' }).click();
    expect(await textOf(page.getByTestId('check-email'))).toContain(email);
    await screenshot(page, 'landing-check-email');

    const mailbox = createMailboxClient(inject('mailboxUrl'));
    const mail = await mailbox.waitForMessage({ to: email, subject: /confirm your email/i });
    const link = /https?:\/\/\S+verify-email\?token=[\w-]+/.exec(mail.text)?.[0];
    expect(link).toMatch(/^http:\/\/localhost:3000\/verify-email/);
    await page.goto(link ?? '');
    expect(await textOf(page.getByRole('status'))).toContain('is confirmed');
    await page.getByRole('link', { name: 'Continue to sign in' }).click();

    await page.locator('#password').waitFor();
    expect(await page.locator('#email').inputValue()).toBe(email);
    await page.fill('#password', 'a strong password 1');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${urls.brand}/**`);
    expect(await textOf(page.getByTestId('account-email'))).toBe(email);
    await screenshot(page, 'brand-portal-home');

    // On a phone the navigation is a drawer behind a menu button.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByRole('button', { name: 'Open navigation' }).click();
    await page
      .getByRole('dialog', { name: 'Navigation' })
      .getByRole('link', { name: 'Campaigns' })
      .click();
    await page.waitForURL(`${urls.brand}/campaigns`);
    expect(await textOf(page.getByRole('heading', { level: 1 }))).toBe('Campaigns');
    await screenshot(page, 'brand-portal-campaigns-mobile');
    await page.close();
  });

  it('refuses a short password in the form, before anything is sent', async () => {
    const page = await browser.newPage();
    await page.goto(`${urls.landing}/sign-up?role=streamer`);
    await page.fill('#name', 'Streamy');
    await page.fill('#email', uniqueEmail('short'));
    await page.fill('#password', 'short');
    await page.getByRole('button', { name: 'Create account' }).click();
    expect(await textOf(page.locator('#password-error'))).toBe(
      'Use at least 10 characters for your password.',
    );
    await page.close();
  });
});
