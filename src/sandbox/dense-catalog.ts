import type { ProxyConfigInput } from '../proxy/config.js';
import type { SandboxEventType, SandboxUser } from './model.js';

// The demo's third branch, a large studio: 20 services and 12 staff, so the gallery (issue 19) can show how the
// choices scale. Generated from two short tables; the same every time.

const BRANCH = 'hamburg';
const TEAM_ID = 3001;
const PERSONAL_ID = 4001;

const SERVICES: [id: string, name: string, minutes: number][] = [
  ['womens-cut', "Women's cut", 45],
  ['mens-cut', "Men's cut", 30],
  ['kids-cut', "Children's cut", 20],
  ['fringe', 'Fringe trim', 15],
  ['beard', 'Beard trim', 20],
  ['shave', 'Wet shave', 30],
  ['blow-dry', 'Blow-dry', 30],
  ['updo', 'Updo', 60],
  ['bridal', 'Bridal hair', 120],
  ['roots', 'Root colour', 60],
  ['full-colour', 'Full colour', 90],
  ['balayage', 'Balayage', 180],
  ['highlights', 'Highlights', 120],
  ['toner', 'Toner', 30],
  ['keratin', 'Keratin treatment', 150],
  ['scalp', 'Scalp treatment', 45],
  ['perm', 'Perm', 120],
  ['extensions', 'Extensions consultation', 30],
  ['brows', 'Brow shaping', 20],
  ['lashes', 'Lash tint', 20],
];

const STAFF: [name: string, bio: string, hue: number][] = [
  ['Aylin Demir', 'Colour specialist, twelve years at the chair.', 12],
  ['Bastian Vogel', 'Classic cuts and hot-towel shaves.', 210],
  ['Carla Nowak', 'Bridal and event styling.', 330],
  ['Dario Rossi', 'Short cuts and fades.', 160],
  ['Elif Kaya', 'Balayage and blonde work.', 40],
  ['Finn Hansen', 'Curly and textured hair.', 190],
  ['Greta Lind', 'Calm appointments for children.', 280],
  ['Hugo Petit', 'Precision bobs.', 100],
  ['Ines Ferreira', 'Treatments and scalp care.', 0],
  ['Jonas Weber', 'Beards, brows and quick trims.', 240],
  ['Kira Sato', 'Extensions and long hair.', 300],
  ['Luca Brandt', 'Apprentice: a lower price, more time.', 60],
];

const slugOf = (name: string) => name.toLowerCase().replace(/\W+/g, '-');
/** Staff member `s` offers service `v` for half the pairs, spread so that each service has six people. */
const offers = (s: number, v: number) => (v * 5 + s * 7) % 12 < 6;
/** Weekdays worked: five of Monday to Saturday, a different day off each. */
const daysOf = (s: number) => [1, 2, 3, 4, 5, 6].filter((day) => day !== (s % 6) + 1);

/** A round picture with the initials, as a data: URL: the demo needs no image files. */
function initialsAvatar(name: string, hue: number): string {
  const initials = name
    .split(' ')
    .map((word) => word[0])
    .join('');
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 40"><circle cx="20" cy="20" r="20" fill="hsl(${hue} 45% 42%)"/>` +
    `<text x="20" y="25" font-family="sans-serif" font-size="15" fill="#fff" text-anchor="middle">${initials}</text></svg>`;
  return `data:image/svg+xml,${encodeURIComponent(svg)}`;
}

export const denseUsers: SandboxUser[] = STAFF.map(([name], s) => ({
  id: 201 + s,
  username: slugOf(name),
  name,
  email: `${slugOf(name)}@sandbox.example`,
  timeZone: 'Europe/Berlin',
  workingHours: [{ days: daysOf(s), startTime: (8 + (s % 4)) * 60, endTime: (16 + (s % 4)) * 60 }],
}));

const hostsOf = (v: number) => denseUsers.filter((_, s) => offers(s, v)).map((u) => u.username);

export const denseEventTypes: SandboxEventType[] = [
  ...SERVICES.map(([slug, title, lengthInMinutes], v) => ({
    id: TEAM_ID + v,
    slug,
    title,
    lengthInMinutes,
    hosts: hostsOf(v),
    schedulingType: 'roundRobin' as const,
    slotInterval: 15,
    minimumBookingNotice: 60,
  })),
  ...SERVICES.flatMap(([slug, title, lengthInMinutes], v) =>
    hostsOf(v).map((username) => ({ slug, title, lengthInMinutes, ownerUsername: username, hosts: [username] })),
  ).map((type, i) => ({ ...type, id: PERSONAL_ID + i, slotInterval: 15, minimumBookingNotice: 60 })),
];

export const denseConfig: Required<Pick<ProxyConfigInput, 'branches' | 'services' | 'staff'>> = {
  branches: [{ id: BRANCH, name: 'Hamburg Studio', timeZone: 'Europe/Berlin', address: 'Schanzenstraße 12, Hamburg' }],
  services: SERVICES.map(([id, name, durationMinutes], v) => ({
    id,
    name,
    eventTypeId: TEAM_ID + v,
    eventTypeSlug: id,
    durationMinutes,
    branchIds: [BRANCH],
  })),
  staff: STAFF.map(([name, bio, hue], s) => ({
    id: slugOf(name),
    name,
    bio,
    avatarUrl: initialsAvatar(name, hue),
    username: slugOf(name),
    serviceIds: SERVICES.filter((_, v) => offers(s, v)).map(([id]) => id),
    branchIds: [BRANCH],
  })),
};
