// Data more than code: one story after another, each read on its own, so the file stays whole past
// 300 lines rather than being cut into parts that would only split the list.
import type { TRichDoc, TRichMark, TRichNode } from "@/lib/richtext/types";

/** Small builders, so the demo stories read like stories. */
const t = (text: string, ...marks: TRichMark[]): TRichNode => ({ type: "text", text, ...(marks.length ? { marks } : {}) });
const link = (text: string, href: string) => t(text, { type: "link", attrs: { href } });
const p = (...content: (string | TRichNode)[]): TRichNode => ({ type: "paragraph", content: content.map((c) => (typeof c === "string" ? t(c) : c)) });
const h2 = (text: string): TRichNode => ({ type: "heading", attrs: { level: 2 }, content: [t(text)] });
const quote = (text: string): TRichNode => ({ type: "blockquote", content: [p(text)] });
const bullets = (...items: string[]): TRichNode => ({ type: "bulletList", content: items.map((i) => ({ type: "listItem", content: [p(i)] })) });
const doc = (...content: TRichNode[]): TRichDoc => ({ type: "doc", content });
/** A demo image in the body, by its key in demo-images.ts (the seed puts in the library id). */
const image = (key: string): TRichNode => ({ type: "mediaImage", attrs: { mediaId: `demo-${key}` } });

export type TDemoPerson = {
  key: string;
  name: string;
  title: string;
  affiliation?: string;
  shortBio: string;
  longBio?: string;
  account?: "editor" | "contributor";
};
export type TDemoCredit = { person: string; role: "BYLINE" | "CONTRIBUTOR" | "ADDITIONAL_REPORTING" | "PHOTOGRAPHER" | "GRAPHICS"; location?: string };
export type TDemoStory = {
  headline: string;
  dek: string;
  dateline: string;
  /** Tags, as the desk writes them. */
  tags?: string[];
  section: string;
  author: "editor" | "contributor";
  /** Where the story stands; SCHEDULED stories publish `scheduleInHours` after seeding. */
  state: "DRAFT" | "IN_REVIEW" | "SCHEDULED" | "PUBLISHED" | "UNPUBLISHED" | "ARCHIVED";
  scheduleInHours?: number;
  /** Under embargo until this many hours after seeding. */
  embargoInHours?: number;
  /** The desk's note to the author (a returned draft). */
  deskNote?: string;
  notes?: { kind: "CORRECTION" | "CLARIFICATION" | "UPDATE" | "EDITORS_NOTE"; body: string }[];
  body: TRichDoc;
  credits: TDemoCredit[];
  /** Key of the lead photo in demo-images.ts. */
  lead?: string;
  /** Pinned to the front page, in this order (1 leads). */
  pin?: number;
  /** Live coverage: its entries, oldest first, each so many minutes after the story was published (under an hour: the newest story is an hour old). */
  live?: { entries: TDemoLiveEntry[] };
};
export type TDemoLiveEntry = { minutes: number; headline?: string; body: TRichDoc; person?: string; keyEvent?: boolean; pinned?: boolean; correction?: string };

/** People to credit: some with newsroom logins, some (freelancers, wire reporters) without. */
export const DEMO_PEOPLE: TDemoPerson[] = [
  {
    key: "doe",
    name: "John Doe",
    title: "bureau chief in Beijing",
    shortBio: "is the bureau chief in Beijing",
    longBio: "John Doe has reported from East Asia for twelve years.\n\nBefore Beijing he covered the Korean peninsula from Seoul.",
    account: "editor",
  },
  { key: "roe", name: "Jane Roe", title: "correspondent", affiliation: "Reuters", shortBio: "is a Reuters correspondent in Beijing" },
  { key: "kim", name: "Min-ji Kim", title: "reporter in Seoul", shortBio: "is a reporter in Seoul", account: "contributor" },
  { key: "alvarez", name: "Sofía Álvarez", title: "city hall reporter", shortBio: "covers city hall" },
  { key: "weber", name: "Lukas Weber", title: "economics correspondent", shortBio: "is the economics correspondent in Frankfurt" },
];

export const DEMO_STORIES: TDemoStory[] = [
  {
    headline: "Border village waits as talks resume",
    tags: ["Korean Peninsula", "Diplomacy"],
    dek: "Soldiers stand guard while negotiators meet for the first time in two years.",
    dateline: "Panmunjom",
    section: "world",
    author: "editor",
    state: "PUBLISHED",
    lead: "border",
    pin: 1,
    notes: [{ kind: "UPDATE", body: "This story has been updated with comments from residents of the village." }],
    credits: [
      { person: "doe", role: "BYLINE" },
      { person: "kim", role: "BYLINE" },
      { person: "roe", role: "CONTRIBUTOR", location: "Beijing" },
      { person: "roe", role: "PHOTOGRAPHER" },
    ],
    body: doc(
      p("South Korea welcomed the resumption of talks on Monday, as negotiators from both sides met in the truce village for the first time in two years."),
      p("The meeting, which lasted just over three hours, produced no agreement, but both delegations said they would return next week."),
      quote("“We came to listen, and we were listened to,” said the head of the southern delegation. “That is more than we had a month ago.”"),
      image("delegation"),
      h2("What is on the table"),
      p("Officials familiar with the agenda said the talks would cover three subjects:"),
      bullets("Reopening the joint liaison office", "Family reunions before the winter holidays", "A hotline between military commanders"),
      p(
        "The full agenda was published by the ",
        link("foreign ministry", "https://example.com/agenda"),
        ", which called the day ",
        t("a modest but real step", { type: "italic" }),
        ".",
      ),
      h2("Residents cautious"),
      p(
        "In the village itself, residents were wary. “We have seen talks start before,” said a farmer who has lived near the border all his life. “We will believe it when the gates open.”",
      ),
    ),
  },
  {
    headline: "City council approves new bike lanes after heated debate",
    tags: ["Cycling", "City council", "Portland"],
    dek: "The plan adds 40 kilometers of protected lanes over three years.",
    dateline: "Portland",
    section: "news",
    author: "contributor",
    state: "PUBLISHED",
    lead: "bikes",
    pin: 2,
    credits: [{ person: "alvarez", role: "BYLINE" }],
    body: doc(
      p(
        "The city council voted 7-2 on Wednesday night to approve a network of protected bike lanes, ending months of argument over parking and delivery access.",
      ),
      quote("“This is about making the street safe for a child on a bicycle,” the council president said before the vote."),
      p(
        "Opponents, mostly shop owners along the busiest corridor, said the loss of parking would hurt business. The plan sets aside ",
        t("loading zones", { type: "bold" }),
        " on every block.",
      ),
      h2("How the money is spent"),
      bullets("Year one: the downtown loop", "Year two: the river crossings", "Year three: links to the suburbs"),
    ),
  },
  {
    headline: "Markets steady as central bank holds rates",
    tags: ["Interest rates", "Central banks"],
    dek: "Investors had expected the pause; attention turns to next month's inflation figures.",
    dateline: "Frankfurt",
    section: "business",
    author: "editor",
    state: "PUBLISHED",
    credits: [
      { person: "weber", role: "BYLINE" },
      { person: "doe", role: "ADDITIONAL_REPORTING", location: "Beijing" },
    ],
    notes: [{ kind: "CORRECTION", body: "An earlier version of this story misstated the day of the decision. It was Thursday, not Wednesday." }],
    body: doc(
      p(
        "The central bank left interest rates unchanged on Thursday, as expected, and signaled that it would wait for more data before deciding on its next move.",
      ),
      p("Stocks rose slightly in early trading. Bond yields were little changed."),
      image("markets"),
      quote("“The direction of travel is clear, but the pace is not,” the bank's president told reporters."),
    ),
  },
  {
    headline: "Rowing club wins its first national title in 40 years",
    tags: ["Rowing", "Portland"],
    dek: "A comeback in the final 500 meters decided the race.",
    dateline: "Portland",
    section: "sports",
    author: "contributor",
    state: "PUBLISHED",
    credits: [{ person: "kim", role: "BYLINE" }],
    body: doc(
      p("The city rowing club won the national eights title on Saturday, its first since 1986, overtaking the favorites in the final 500 meters."),
      quote("“We were a length down and nobody panicked,” the stroke said."),
    ),
  },
  {
    headline: "Opinion: The bike lanes are worth the parking",
    tags: ["Cycling", "Portland"],
    dek: "Safer streets pay for themselves, and the evidence is in.",
    dateline: "",
    section: "opinion",
    author: "editor",
    state: "PUBLISHED",
    credits: [{ person: "doe", role: "BYLINE" }],
    body: doc(
      p("Every city that has built a connected network of protected lanes has seen the same thing: more people cycling, fewer people hurt."),
      p("The council made the right call."),
    ),
  },
  {
    headline: "Telescope array spots a rare double star",
    tags: ["Astronomy"],
    dek: "Astronomers say the pair orbit each other every six hours.",
    dateline: "Frankfurt",
    section: "science",
    author: "editor",
    state: "PUBLISHED",
    credits: [{ person: "weber", role: "BYLINE" }],
    body: doc(p("A pair of white dwarf stars orbiting each other every six hours has been found by a European telescope array, researchers said on Monday.")),
  },
  {
    headline: "Draft: Harbor expansion plans",
    dek: "Notes for a story in progress.",
    dateline: "Rotterdam",
    section: "business",
    author: "contributor",
    state: "DRAFT",
    deskNote: "Good start. Get the port authority's own numbers before this goes to review.",
    credits: [{ person: "kim", role: "BYLINE" }],
    body: doc(p("The port authority will present its expansion plans next month. Waiting for the environmental report.")),
  },
  {
    headline: "Hospital waiting times fall for a third month",
    tags: ["Health care", "Portland"],
    dek: "Emergency rooms saw patients faster in October, new figures show.",
    dateline: "Portland",
    section: "news",
    author: "contributor",
    state: "IN_REVIEW",
    credits: [{ person: "kim", role: "BYLINE" }],
    body: doc(
      p("Waiting times in the city's emergency rooms fell for the third month in a row in October, according to figures released on Friday."),
      quote("“The extra night staff are making a difference,” a hospital spokeswoman said."),
    ),
  },
  {
    headline: "Election night: polls close at eight",
    dek: "What to watch as the results come in.",
    dateline: "Portland",
    section: "news",
    author: "editor",
    state: "SCHEDULED",
    scheduleInHours: 6,
    credits: [{ person: "alvarez", role: "BYLINE" }],
    body: doc(
      p("Polls close at 8 p.m. Results from the first precincts are expected within the hour."),
      bullets("The mayor's race", "The transit levy", "Two open council seats"),
    ),
  },
  {
    headline: "Study links city trees to cooler summer nights",
    tags: ["Climate", "Cities"],
    dek: "Researchers measured temperatures street by street for three summers.",
    dateline: "Frankfurt",
    section: "science",
    author: "editor",
    state: "SCHEDULED",
    scheduleInHours: 24,
    embargoInHours: 24,
    credits: [{ person: "weber", role: "BYLINE" }],
    body: doc(
      p("Streets lined with mature trees stayed up to three degrees cooler at night than treeless ones, a study published on Thursday found."),
      p("The journal's embargo lifts at the time shown in the newsroom."),
    ),
  },
  {
    headline: "Summer festival lineup announced",
    dek: "Withdrawn after the organizers postponed the announcement.",
    dateline: "Portland",
    section: "news",
    author: "contributor",
    state: "UNPUBLISHED",
    credits: [{ person: "alvarez", role: "BYLINE" }],
    body: doc(p("The organizers of the summer festival announced the first twelve acts on Tuesday.")),
  },
  {
    headline: "Notes: ferry timetable 2019",
    dek: "Superseded.",
    dateline: "Rotterdam",
    section: "business",
    author: "editor",
    state: "ARCHIVED",
    credits: [],
    body: doc(p("Old timetable notes, kept for reference.")),
  },
  {
    headline: "Storm Ada makes landfall: live updates",
    tags: ["Storm Ada", "Weather"],
    dek: "The strongest storm in a decade reached the coast on Thursday evening. Follow our reporters' updates as they come in.",
    dateline: "Portland",
    section: "news",
    author: "editor",
    state: "PUBLISHED",
    credits: [
      { person: "alvarez", role: "BYLINE" },
      { person: "kim", role: "CONTRIBUTOR", location: "Seaside" },
    ],
    body: doc(
      p(
        "Storm Ada came ashore south of the city with winds of up to 140 km/h. Evacuation orders cover the whole coastal strip; shelters are open in every school.",
      ),
      p("This page updates itself as our reporters file. The key events are listed at the top."),
    ),
    live: {
      entries: [
        {
          minutes: 2,
          headline: "Evacuation order for the coast",
          keyEvent: true,
          person: "alvarez",
          body: doc(p("The county ordered everyone within two kilometres of the shore to leave by 6 p.m.")),
        },
        {
          minutes: 6,
          person: "kim",
          body: doc(
            p("Traffic on the coast road is at a standstill. Police have opened both lanes inland."),
            quote("“We packed the car in ten minutes,” said one driver."),
          ),
        },
        { minutes: 10, person: "alvarez", body: doc(p("The first shelter, at Lincoln High School, says it has room for 400 people and is half full.")) },
        {
          minutes: 15,
          headline: "Power cut to 30,000 homes",
          keyEvent: true,
          person: "weber",
          body: doc(p("The utility says 30,000 homes have lost power, most of them south of the river.")),
        },
        { minutes: 20, person: "kim", body: doc(p("Waves are breaking over the sea wall at Seaside. The promenade is closed.")) },
        {
          minutes: 24,
          person: "alvarez",
          correction: "An earlier version of this entry said the bridge was closed in both directions; only the southbound lanes are closed.",
          body: doc(p("The southbound lanes of the river bridge are closed because of high winds.")),
        },
        { minutes: 29, person: "roe", body: doc(p("The national weather service upgraded its warning to the highest level for the coastal counties.")) },
        {
          minutes: 34,
          headline: "Storm makes landfall",
          keyEvent: true,
          pinned: true,
          person: "alvarez",
          body: doc(p("Ada made landfall at 7:42 p.m. south of the city, with sustained winds of 120 km/h.")),
        },
        { minutes: 38, person: "kim", body: doc(p("Seaside's mayor says two fishing boats broke their moorings; nobody was aboard.")) },
        { minutes: 43, person: "weber", body: doc(p("The airport has cancelled all flights until noon tomorrow.")) },
        { minutes: 48, person: "alvarez", body: doc(p("Emergency crews rescued a family of four from a car caught by floodwater on Route 6. All are safe.")) },
        {
          minutes: 53,
          headline: "What we know so far",
          person: "alvarez",
          body: doc(
            bullets("Landfall at 7:42 p.m., south of the city", "30,000 homes without power", "No injuries reported so far", "Shelters open in every school"),
          ),
        },
      ],
    },
  },
];
