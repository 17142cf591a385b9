import { TZDate } from '@date-fns/tz';
import type { ProxyConfigInput } from '../proxy/config.js';
import { addDays, dateInZone, weekdayOf } from '../model/dates.js';
import type { Question } from '../proxy/questions.js';
import { denseConfig, denseEventTypes, denseUsers } from './dense-catalog.js';
import type {
  SandboxBooking,
  SandboxBookingField,
  SandboxData,
  SandboxEventType,
  SandboxLocation,
  SandboxUser,
} from './model.js';

const WEEKDAYS = [1, 2, 3, 4, 5];

const smallUsers: SandboxUser[] = [
  {
    id: 101,
    username: 'anna-berg',
    name: 'Anna Berg',
    email: 'anna@sandbox.example',
    timeZone: 'Europe/Berlin',
    workingHours: [{ days: WEEKDAYS, startTime: 9 * 60, endTime: 17 * 60 }],
  },
  {
    id: 102,
    username: 'ben-okafor',
    name: 'Ben Okafor',
    email: 'ben@sandbox.example',
    timeZone: 'Europe/Berlin',
    workingHours: [{ days: [2, 3, 4, 5, 6], startTime: 12 * 60, endTime: 20 * 60 }],
  },
  {
    id: 103,
    username: 'chloe-martin',
    name: 'Chloé Martin',
    email: 'chloe@sandbox.example',
    timeZone: 'America/New_York',
    workingHours: [{ days: [1, 2, 3, 4], startTime: 8 * 60, endTime: 14 * 60 }],
  },
];
const users = [...smallUsers, ...denseUsers];

/** The consultation's own questions: every kind of control the form draws. */
const consultationQuestions: Question[] = [
  { slug: 'topic', type: 'textarea', label: 'What would you like to talk about?', required: true },
  {
    slug: 'hair-length',
    type: 'select',
    label: 'Hair length today',
    required: false,
    options: [
      { value: 'short', label: 'Short' },
      { value: 'medium', label: 'Medium' },
      { value: 'long', label: 'Long' },
    ],
  },
  {
    slug: 'interests',
    type: 'checkbox',
    label: 'Interested in',
    hint: 'Tick all that apply.',
    required: false,
    options: [
      { value: 'cut', label: 'A new cut' },
      { value: 'colour', label: 'Colour' },
      { value: 'care', label: 'Hair care' },
    ],
  },
  {
    slug: 'first-visit',
    type: 'radio',
    label: 'Have you been to us before?',
    required: true,
    options: [
      { value: 'yes', label: 'Yes' },
      { value: 'no', label: 'No, this is my first visit' },
    ],
  },
  {
    slug: 'consent',
    type: 'checkbox',
    label: 'I agree that my answers are kept for this appointment.',
    required: true,
  },
];

/** The same questions as Cal.com booking fields on the consultation's event types. */
const consultationFields: SandboxBookingField[] = consultationQuestions.map((q) => ({
  slug: q.slug,
  type: q.type === 'checkbox' ? (q.options ? 'checkbox' : 'boolean') : q.type,
  required: q.required,
  options: q.options?.map((o) => o.value),
}));

const consultationLocations: SandboxLocation[] = [
  { type: 'address', address: 'Torstraße 1, 10119 Berlin' },
  { type: 'attendeePhone' },
  { type: 'integration', integration: 'cal-video' },
];
const consultationExtras = { bookingFields: consultationFields, locations: consultationLocations };

const smallEventTypes: SandboxEventType[] = [
  // Team (round-robin) event types: "any available".
  {
    id: 1001,
    slug: 'haircut',
    title: 'Haircut',
    lengthInMinutes: 30,
    hosts: ['anna-berg', 'ben-okafor'],
    schedulingType: 'roundRobin',
    minimumBookingNotice: 60,
  },
  {
    id: 1002,
    slug: 'colour',
    title: 'Colour',
    lengthInMinutes: 90,
    hosts: ['ben-okafor'],
    schedulingType: 'roundRobin',
    slotInterval: 30,
    minimumBookingNotice: 120,
    requiresConfirmation: true,
  },
  {
    id: 1003,
    slug: 'consultation',
    title: 'Consultation',
    lengthInMinutes: 45,
    hosts: ['anna-berg', 'chloe-martin'],
    schedulingType: 'roundRobin',
    minimumBookingNotice: 60,
    ...consultationExtras,
  },
  {
    id: 1004,
    slug: 'coaching',
    title: 'Video coaching',
    lengthInMinutes: 60,
    lengthInMinutesOptions: [30, 60],
    hosts: ['chloe-martin'],
    schedulingType: 'roundRobin',
    minimumBookingNotice: 60,
  },
  // Personal event types: one staff member each.
  {
    id: 2001,
    slug: 'haircut',
    title: 'Haircut',
    lengthInMinutes: 30,
    ownerUsername: 'anna-berg',
    hosts: ['anna-berg'],
    minimumBookingNotice: 60,
  },
  {
    id: 2002,
    slug: 'haircut',
    title: 'Haircut',
    lengthInMinutes: 30,
    ownerUsername: 'ben-okafor',
    hosts: ['ben-okafor'],
    minimumBookingNotice: 60,
  },
  {
    id: 2003,
    slug: 'colour',
    title: 'Colour',
    lengthInMinutes: 90,
    ownerUsername: 'ben-okafor',
    hosts: ['ben-okafor'],
    slotInterval: 30,
    minimumBookingNotice: 120,
    requiresConfirmation: true,
  },
  {
    id: 2004,
    slug: 'consultation',
    title: 'Consultation',
    lengthInMinutes: 45,
    ownerUsername: 'anna-berg',
    hosts: ['anna-berg'],
    minimumBookingNotice: 60,
    ...consultationExtras,
  },
  {
    id: 2005,
    slug: 'consultation',
    title: 'Consultation',
    lengthInMinutes: 45,
    ownerUsername: 'chloe-martin',
    hosts: ['chloe-martin'],
    minimumBookingNotice: 60,
    ...consultationExtras,
  },
  {
    id: 2006,
    slug: 'coaching',
    title: 'Video coaching',
    lengthInMinutes: 60,
    lengthInMinutesOptions: [30, 60],
    ownerUsername: 'chloe-martin',
    hosts: ['chloe-martin'],
    minimumBookingNotice: 60,
  },
];

/**
 * A few existing bookings over the next four weeks, placed the same way for the same day, so the demo
 * always shows a calendar with gaps in it.
 */
function seedBookings(now: number): SandboxBooking[] {
  const bookings: SandboxBooking[] = [];
  users.forEach((user, u) => {
    const today = dateInZone(now, user.timeZone);
    for (let offset = 0; offset < 28; offset++) {
      const date = addDays(today, offset);
      const hours = user.workingHours.find((h) => h.days.includes(weekdayOf(date)));
      if (!hours || (offset + u) % 2 !== 0) continue;
      const [y, m, d] = date.split('-').map(Number) as [number, number, number];
      const minute = hours.startTime + ((offset * 7 + u * 3) % 4) * 60;
      const start = +new TZDate(y, m - 1, d, Math.floor(minute / 60), minute % 60, 0, user.timeZone);
      bookings.push({
        id: bookings.length + 1,
        uid: `seed-${user.username}-${date}`,
        eventTypeId: 0,
        host: user.username,
        start,
        end: start + 60 * 60_000,
        status: 'accepted',
        title: 'Existing appointment',
        attendees: [],
        bookingFieldsResponses: {},
        metadata: {},
        createdAt: now,
      });
    }
  });
  return bookings;
}

export function demoData(now: number): SandboxData {
  const eventTypes = [...smallEventTypes, ...denseEventTypes];
  return { users: structuredClone(users), eventTypes: structuredClone(eventTypes), bookings: seedBookings(now) };
}

/** The proxy configuration that matches the demo data: what `npm start` runs with nothing configured. */
export const demoConfig: ProxyConfigInput = {
  allowedOrigins: [],
  cacheTtlSeconds: 60,
  branches: [
    { id: 'berlin', name: 'Berlin Mitte', timeZone: 'Europe/Berlin', address: 'Torstraße 1, 10119 Berlin' },
    { id: 'online', name: 'Online', timeZone: 'America/New_York' },
    ...denseConfig.branches,
  ],
  services: [
    {
      id: 'haircut',
      name: 'Haircut',
      description: 'Wash, cut and style.',
      eventTypeId: 1001,
      eventTypeSlug: 'haircut',
      durationMinutes: 30,
      branchIds: ['berlin'],
    },
    {
      id: 'colour',
      name: 'Colour',
      description: 'Full colour with a consultation. We confirm each request by email.',
      eventTypeId: 1002,
      eventTypeSlug: 'colour',
      durationMinutes: 90,
      branchIds: ['berlin'],
    },
    {
      id: 'consultation',
      name: 'Consultation',
      description: 'Talk through what you would like.',
      eventTypeId: 1003,
      eventTypeSlug: 'consultation',
      durationMinutes: 45,
      branchIds: ['berlin', 'online'],
      questions: consultationQuestions,
      guests: 2,
      locations: [{ type: 'in-person' }, { type: 'phone' }, { type: 'video' }],
    },
    {
      id: 'coaching',
      name: 'Video coaching',
      description: 'Styling coaching over video.',
      eventTypeId: 1004,
      durationMinutes: 60,
      durations: [30, 60],
      branchIds: ['online'],
    },
    ...denseConfig.services,
  ],
  staff: [
    {
      id: 'anna',
      name: 'Anna Berg',
      username: 'anna-berg',
      serviceIds: ['haircut', 'consultation'],
      branchIds: ['berlin'],
    },
    { id: 'ben', name: 'Ben Okafor', username: 'ben-okafor', serviceIds: ['haircut', 'colour'], branchIds: ['berlin'] },
    {
      id: 'chloe',
      name: 'Chloé Martin',
      eventTypeIds: { consultation: 2005, coaching: 2006 },
      serviceIds: ['consultation', 'coaching'],
      branchIds: ['online'],
    },
    ...denseConfig.staff,
  ],
};
