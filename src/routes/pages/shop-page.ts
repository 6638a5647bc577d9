import type { Locale } from '../../ui/shared/i18n';

/**
 * The demo shop at `/`: a believable page of the sample shop (Voltmarket) in Russian and English,
 * with the widget on it through the one `<script>` tag a site owner would add. Everything is
 * served by the app itself: no external assets, no inline script or style (the page's CSP).
 */
const TEXT = {
  en: {
    title: 'Voltmarket — electronics with delivery across Russia',
    tagline: 'Phones, laptops and home tech. Delivery from 1 day, 14 days to return.',
    nav: ['Phones', 'Laptops', 'Audio', 'Home'],
    other: 'Русский',
    help: 'Help',
    ask: 'Ask about this',
    buy: 'Add to cart',
    hero: 'Winter sale: up to 25 % off headphones',
    heroText: 'Free courier delivery in Moscow and St Petersburg on orders from 5,000 ₽.',
    chat: 'Questions? Ask our assistant',
    helpTitle: 'Help',
    helpLinks: [
      ['Delivery cost', 'How much is delivery to Kazan?'],
      ['Delivery times', 'How long does delivery take?'],
      ['Returns', 'How do I return an item?'],
      ['Warranty', 'What warranty do you give?'],
      ['Payment', 'Can I pay in installments?'],
    ],
    helpHint: 'Not sure? Open the chat in the corner and ask in your own words, in English or Russian.',
    footer: 'Voltmarket is a demo shop for the support chat. Nothing here is for sale.',
    products: [
      ['Aurora X5 smartphone', '6.5″ OLED, 256 GB', '39 990 ₽'],
      ['Volt Book 14 laptop', 'Ryzen 7, 16 GB, 512 GB SSD', '74 990 ₽'],
      ['Pulse ANC headphones', 'Noise cancelling, 40 h', '8 990 ₽'],
      ['Breeze robot vacuum', 'Mapping, app control', '21 490 ₽'],
    ],
  },
  ru: {
    title: 'Вольтмаркет — электроника с доставкой по всей России',
    tagline: 'Смартфоны, ноутбуки и техника для дома. Доставка от 1 дня, 14 дней на возврат.',
    nav: ['Смартфоны', 'Ноутбуки', 'Аудио', 'Для дома'],
    other: 'English',
    help: 'Помощь',
    ask: 'Спросить о товаре',
    buy: 'В корзину',
    hero: 'Зимняя распродажа: наушники со скидкой до 25 %',
    heroText: 'Бесплатная курьерская доставка по Москве и Санкт-Петербургу при заказе от 5 000 ₽.',
    chat: 'Есть вопрос? Спросите помощника',
    helpTitle: 'Помощь',
    helpLinks: [
      ['Стоимость доставки', 'Сколько стоит доставка в Казань?'],
      ['Сроки доставки', 'Сколько идёт доставка?'],
      ['Возврат', 'Как вернуть товар?'],
      ['Гарантия', 'Какая гарантия на технику?'],
      ['Оплата', 'Можно купить в рассрочку?'],
    ],
    helpHint: 'Не нашли ответ? Откройте чат в углу и спросите своими словами — по-русски или по-английски.',
    footer: 'Вольтмаркет — демонстрационный магазин для чата поддержки. Здесь ничего не продаётся.',
    products: [
      ['Смартфон Aurora X5', '6,5″ OLED, 256 ГБ', '39 990 ₽'],
      ['Ноутбук Volt Book 14', 'Ryzen 7, 16 ГБ, SSD 512 ГБ', '74 990 ₽'],
      ['Наушники Pulse ANC', 'Шумоподавление, 40 ч', '8 990 ₽'],
      ['Робот-пылесос Breeze', 'Карта комнат, управление из приложения', '21 490 ₽'],
    ],
  },
} satisfies Record<Locale, unknown>;

const ICONS = [
  '<rect x="22" y="6" width="36" height="68" rx="7"/><circle cx="40" cy="64" r="3"/>',
  '<rect x="10" y="14" width="60" height="40" rx="4"/><path d="M4 62h72l-6 8H10z"/>',
  '<path d="M16 48a24 24 0 0 1 48 0"/><rect x="10" y="46" width="14" height="22" rx="5"/><rect x="56" y="46" width="14" height="22" rx="5"/>',
  '<circle cx="40" cy="42" r="28"/><circle cx="40" cy="42" r="8"/><path d="M22 26l8 8"/>',
];

const escape = (s: string) => s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

export function shopPage(lang: Locale): string {
  const t = TEXT[lang];
  const other = lang === 'ru' ? 'en' : 'ru';
  const products = t.products
    .map(
      ([name, spec, price], i) => `
      <li class="product">
        <svg viewBox="0 0 80 80" aria-hidden="true" class="pic">${ICONS[i]}</svg>
        <h3>${escape(name!)}</h3>
        <p class="spec">${escape(spec!)}</p>
        <p class="price">${escape(price!)}</p>
        <div class="buttons"><button type="button" class="buy">${escape(t.buy)}</button>
        <button type="button" class="ask" data-chat-open>${escape(t.ask)}</button></div>
      </li>`,
    )
    .join('');
  const help = t.helpLinks.map(([title, q]) => `<li><strong>${escape(title!)}</strong> — <q>${escape(q!)}</q></li>`).join('');
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(t.title)}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/demo.css">
</head>
<body>
<header class="top">
  <a class="logo" href="/?lang=${lang}">⚡ Voltmarket</a>
  <nav aria-label="${lang === 'ru' ? 'Каталог' : 'Catalogue'}"><ul>${t.nav.map((n) => `<li><a href="/?lang=${lang}">${escape(n)}</a></li>`).join('')}</ul></nav>
  <a class="lang" href="/?lang=${other}" hreflang="${other}" lang="${other}">${escape(t.other)}</a>
</header>
<main>
  <section class="hero">
    <h1>${escape(t.hero)}</h1>
    <p>${escape(t.heroText)}</p>
    <button type="button" class="cta" data-chat-open>${escape(t.chat)}</button>
  </section>
  <section aria-labelledby="catalogue"><h2 id="catalogue" class="sr-only">${escape(t.nav.join(', '))}</h2>
    <ul class="products">${products}</ul>
  </section>
  <section class="help" aria-labelledby="help-title">
    <h2 id="help-title">${escape(t.helpTitle)}</h2>
    <p>${escape(t.helpHint)}</p>
    <ul>${help}</ul>
  </section>
</main>
<footer><p>${escape(t.tagline)}</p><p>${escape(t.footer)}</p></footer>
<script src="/demo.js"></script>
<script src="/widget.js" async data-title="${lang === 'ru' ? 'Поддержка Вольтмаркета' : 'Voltmarket support'}"></script>
</body>
</html>`;
}

export const SHOP_CSS = `
*{box-sizing:border-box}body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1f2328;background:#f6f7f9}
a{color:#1d4ed8}.sr-only{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.top{display:flex;align-items:center;gap:24px;padding:14px 32px;background:#0f172a;color:#fff}.top a{color:#fff;text-decoration:none}
.logo{font-weight:800;font-size:20px}.top nav ul{display:flex;gap:18px;list-style:none;margin:0;padding:0}.top .lang{margin-left:auto;border:1px solid #94a3b8;border-radius:6px;padding:4px 10px}
main{max-width:1080px;margin:0 auto;padding:24px 32px 120px}
.hero{background:linear-gradient(120deg,#1d4ed8,#7c3aed);color:#fff;border-radius:16px;padding:32px}.hero h1{margin:0 0 8px;font-size:30px}.hero p{margin:0 0 16px}
.cta{font:inherit;font-weight:600;border:0;border-radius:8px;padding:10px 18px;background:#fff;color:#1d4ed8;cursor:pointer}
.products{list-style:none;padding:0;margin:24px 0;display:grid;grid-template-columns:repeat(auto-fill,minmax(220px,1fr));gap:16px}
.product{background:#fff;border:1px solid #d0d7de;border-radius:12px;padding:16px;display:flex;flex-direction:column}
.pic{width:80px;height:80px;fill:none;stroke:#1d4ed8;stroke-width:3;align-self:center;margin-bottom:8px}
.product h3{margin:0;font-size:17px}.spec{margin:4px 0;color:#57606a;font-size:14px}.price{margin:4px 0 12px;font-weight:700;font-size:18px}
.buttons{margin-top:auto;display:flex;gap:8px;flex-wrap:wrap}.buttons button{font:inherit;font-size:14px;border-radius:8px;padding:7px 12px;cursor:pointer}
.buy{background:#1d4ed8;color:#fff;border:0}.ask{background:#fff;color:#1d4ed8;border:1px solid #1d4ed8}
.help{background:#fff;border:1px solid #d0d7de;border-radius:12px;padding:8px 24px 16px}
footer{text-align:center;color:#57606a;font-size:14px;padding:16px}
:focus-visible{outline:3px solid #f59e0b;outline-offset:2px}
@media (max-width:600px){.top{padding:12px 16px;gap:12px;flex-wrap:wrap}.top nav{order:3;width:100%}main{padding:16px 16px 120px}.hero h1{font-size:24px}}
`;
