import sharp from "sharp";

/**
 * Pictures for the demo stories, drawn here as SVG and rendered with sharp, so
 * the demo needs nothing from the internet. Each comes with the metadata a
 * photo desk would set.
 */
export type TDemoImage = {
  key: string;
  filename: string;
  render: () => Promise<Buffer>;
  alt: string;
  caption: string;
  creditPerson?: string;
  creditText?: string;
  source?: string;
  copyrightHolder?: string;
  copyrightYear?: number;
  focal?: { x: number; y: number };
};

const W = 1600;
const H = 1000;
const svg = (body: string) => Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}">${body}</svg>`);
const jpeg = (body: string) => () => sharp(svg(body)).jpeg({ quality: 86, mozjpeg: true }).toBuffer();
const png = (body: string) => () => sharp(svg(body)).png().toBuffer();

/** A standing figure in uniform at x, feet on y. */
const soldier = (x: number, y: number, s = 1) =>
  `<g transform="translate(${x} ${y}) scale(${s})"><rect x="-22" y="-170" width="44" height="95" rx="12" fill="#4b5a3a"/>` +
  `<rect x="-20" y="-80" width="17" height="80" fill="#3c4830"/><rect x="3" y="-80" width="17" height="80" fill="#3c4830"/>` +
  `<circle cx="0" cy="-192" r="20" fill="#c99a76"/><path d="M-24 -198 a24 18 0 0 1 48 0 z" fill="#3c4830"/></g>`;

const border = jpeg(
  `<defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#9db7cf"/><stop offset="1" stop-color="#e8e2d4"/></linearGradient></defs>` +
    `<rect width="${W}" height="${H}" fill="url(#sky)"/>` +
    `<path d="M0 560 Q300 430 620 540 T1200 500 T1600 540 V1000 H0Z" fill="#7d8b6a"/>` +
    `<path d="M0 650 Q400 600 800 660 T1600 640 V1000 H0Z" fill="#a59a78"/>` +
    `<g fill="#6d5c4a">${Array.from({ length: 6 }, (_, i) => `<rect x="${120 + i * 70}" y="520" width="50" height="40"/><path d="M${115 + i * 70} 522 l30 -24 l30 24z"/>`).join("")}</g>` +
    `<g stroke="#5a5040" stroke-width="5">${Array.from({ length: 17 }, (_, i) => `<line x1="${i * 100}" y1="700" x2="${i * 100}" y2="790"/>`).join("")}` +
    `<line x1="0" y1="715" x2="1600" y2="715"/><line x1="0" y1="745" x2="1600" y2="745"/><line x1="0" y1="775" x2="1600" y2="775"/></g>` +
    `<rect x="1180" y="560" width="120" height="230" fill="#8b8f93"/><rect x="1165" y="545" width="150" height="22" fill="#5f6368"/>` +
    soldier(1010, 900, 1.5) +
    soldier(1120, 890, 1.45),
);

const delegation = jpeg(
  `<rect width="${W}" height="${H}" fill="#d9cfbf"/><rect y="640" width="${W}" height="360" fill="#8c6f55"/>` +
    `<rect x="250" y="520" width="1100" height="70" rx="8" fill="#2f5d8a"/><rect x="250" y="585" width="1100" height="150" fill="#27496b"/>` +
    Array.from(
      { length: 5 },
      (_, i) => `<circle cx="${380 + i * 210}" cy="450" r="42" fill="#b98b6a"/><rect x="${335 + i * 210}" y="490" width="90" height="40" rx="10" fill="#333"/>`,
    ).join("") +
    `<rect x="760" y="160" width="80" height="200" fill="#9a2b2b"/>`,
);

const bikes = jpeg(
  `<rect width="${W}" height="${H}" fill="#cfd8dc"/><rect y="380" width="${W}" height="620" fill="#5f6468"/>` +
    `<path d="M600 1000 L760 380 H880 L900 1000Z" fill="#3f8f5a"/><path d="M900 1000 L880 380 H900 L940 1000Z" fill="#eee"/>` +
    `<g fill="none" stroke="#222" stroke-width="9"><circle cx="700" cy="860" r="60"/><circle cx="850" cy="860" r="60"/><path d="M700 860 L760 780 H830 L850 860 M760 780 L780 860"/></g>` +
    `<g fill="#8a9aa5">${Array.from({ length: 8 }, (_, i) => `<rect x="${i * 70}" y="${120 + (i % 3) * 40}" width="60" height="${260 - (i % 3) * 40}"/>`).join("")}` +
    `${Array.from({ length: 8 }, (_, i) => `<rect x="${1060 + i * 70}" y="${140 + (i % 2) * 50}" width="60" height="${240 - (i % 2) * 50}"/>`).join("")}</g>`,
);

const markets = png(
  `<rect width="${W}" height="${H}" fill="#10243a"/>` +
    `<g stroke="#2c4763" stroke-width="2">${Array.from({ length: 6 }, (_, i) => `<line x1="120" y1="${180 + i * 130}" x2="1500" y2="${180 + i * 130}"/>`).join("")}</g>` +
    `<polyline fill="none" stroke="#f2b134" stroke-width="10" stroke-linejoin="round" points="${Array.from({ length: 24 }, (_, i) => `${120 + i * 60},${560 - Math.round(Math.sin(i / 3) * 90 + i * 6)}`).join(" ")}"/>` +
    `<circle cx="1500" cy="${560 - Math.round(Math.sin(23 / 3) * 90 + 23 * 6)}" r="18" fill="#f2b134"/>`,
);

export const DEMO_IMAGES: TDemoImage[] = [
  {
    key: "border",
    filename: "border-village.jpg",
    render: border,
    alt: "Two soldiers in olive uniforms stand by a fence at the edge of a village, with a guard post and hills behind them.",
    caption: "Soldiers stand guard at the border village as negotiators meet.",
    creditPerson: "roe",
    source: "Agency",
    copyrightHolder: "Agency",
    copyrightYear: 2018,
    focal: { x: 0.66, y: 0.7 },
  },
  {
    key: "delegation",
    filename: "delegations-at-the-table.jpg",
    render: delegation,
    alt: "Five delegates seated at a long blue table in a meeting room.",
    caption: "Delegations meet in the truce village for the first time in two years.",
    creditPerson: "roe",
    source: "Agency",
    copyrightHolder: "Agency",
    copyrightYear: 2018,
  },
  {
    key: "bikes",
    filename: "protected-bike-lane.jpg",
    render: bikes,
    alt: "A cyclist's bicycle on a green protected lane running between traffic and the curb.",
    caption: "A protected lane on the downtown loop, the first part of the plan to be built.",
    creditText: "Sam Lee",
    source: "City Hall",
  },
  {
    key: "markets",
    filename: "index-chart.png",
    render: markets,
    alt: "Line chart of the stock index over 24 months: a dip, a recovery and a small rise in the final month.",
    caption: "The main stock index over the past two years.",
    creditText: "Newsroom Graphics",
    copyrightHolder: "The Newsroom",
    copyrightYear: 2026,
  },
];
