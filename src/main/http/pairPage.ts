import { tFor } from '@shared/i18n/i18n'
import type { Language } from '@shared/i18n/languages'

const escape = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)

/**
 * The page a phone's browser pairs through: a plain form, no script (the CSP allows none inline), posting to
 * `/pair`, which answers with the key in an HttpOnly cookie and sends the browser on to the app.
 */
export function pairPage(language: Language, { error, machine }: { error?: string; machine?: string }): string {
  const t = tFor(language)
  return `<!doctype html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(t('shop.pairPage.title'))}</title>
<style>
  body { font-family: system-ui, sans-serif; margin: 0; padding: 24px 16px; background: #f8f9fa; color: #212529; }
  main { max-width: 360px; margin: 0 auto; background: #fff; border: 1px solid #dee2e6; border-radius: 8px; padding: 20px; }
  h1 { font-size: 1.2rem; margin: 0 0 8px; }
  p { font-size: 0.9rem; color: #495057; margin: 0 0 16px; }
  label { display: block; font-size: 0.85rem; font-weight: 600; margin: 12px 0 4px; }
  input { box-sizing: border-box; width: 100%; font-size: 1.1rem; padding: 8px; border: 1px solid #ced4da; border-radius: 4px; }
  input[name=code] { letter-spacing: 0.3em; font-variant-numeric: tabular-nums; }
  button { margin-top: 16px; width: 100%; font-size: 1rem; padding: 10px; border: 0; border-radius: 4px; background: #228be6; color: #fff; }
  .error { color: #c92a2a; font-weight: 600; }
</style>
</head>
<body>
<main>
<h1>${escape(t('shop.pairPage.title'))}</h1>
<p>${escape(t('shop.pairPage.intro'))}</p>
${error ? `<p class="error" role="alert">${escape(error)}</p>` : ''}
<form method="post" action="/pair">
<label for="code">${escape(t('shop.pairPage.code'))}</label>
<input id="code" name="code" inputmode="numeric" autocomplete="one-time-code" pattern="[0-9]{6}" maxlength="6" required autofocus>
<label for="machine">${escape(t('shop.pairPage.machine'))}</label>
<input id="machine" name="machine" maxlength="60" required value="${escape(machine || t('shop.pairPage.machineDefault'))}">
<button type="submit">${escape(t('shop.pairPage.pair'))}</button>
</form>
</main>
</body>
</html>
`
}
