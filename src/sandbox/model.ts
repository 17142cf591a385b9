/** The simulator's world: Cal.com users with schedules, their event types and the bookings made so far. */

export interface WorkingHours {
  /** 0 = Sunday ... 6 = Saturday, as Cal.com's schedules count them. */
  days: number[];
  /** Minutes after local midnight. */
  startTime: number;
  endTime: number;
}

export interface SandboxUser {
  id: number;
  username: string;
  name: string;
  email: string;
  timeZone: string;
  workingHours: WorkingHours[];
}

export interface SandboxEventType {
  id: number;
  slug: string;
  title: string;
  lengthInMinutes: number;
  lengthInMinutesOptions?: number[];
  /** Set on a personal event type: the one user it belongs to. */
  ownerUsername?: string;
  /** Who can take a booking; a team (round-robin) event type is free when any host is. */
  hosts: string[];
  schedulingType?: 'roundRobin';
  slotInterval?: number;
  /** Minutes before a slot that it can still be booked. */
  minimumBookingNotice: number;
  /** Bookings wait for the host to accept them (status "pending"). */
  requiresConfirmation?: boolean;
  /** Custom booking fields, beyond name, email and notes. */
  bookingFields?: SandboxBookingField[];
  locations?: SandboxLocation[];
}

/** A custom booking field of an event type, with Cal.com's field types. */
export interface SandboxBookingField {
  slug: string;
  type:
    'text' | 'textarea' | 'number' | 'select' | 'multiselect' | 'checkbox' | 'radio' | 'boolean' | 'phone' | 'email';
  required: boolean;
  options?: string[];
}

export type SandboxLocation =
  { type: 'address'; address: string } | { type: 'attendeePhone' } | { type: 'integration'; integration: string };

export interface SandboxAttendee {
  name: string;
  email?: string;
  timeZone: string;
  language: string;
  phoneNumber?: string;
}

export interface SandboxBooking {
  id: number;
  uid: string;
  eventTypeId: number;
  host: string;
  start: number;
  end: number;
  status: 'accepted' | 'pending' | 'cancelled';
  title: string;
  cancellationReason?: string;
  reschedulingReason?: string;
  rescheduledFromUid?: string;
  rescheduledToUid?: string;
  attendees: SandboxAttendee[];
  bookingFieldsResponses: Record<string, unknown>;
  metadata: Record<string, string>;
  guests?: string[];
  /** As Cal.com answers it: an address, a phone number or a meeting link. */
  location?: string;
  createdAt: number;
}

/** A slot reservation (`POST /v2/slots/reservations`): it keeps the time from everyone else until `until`. */
export interface SandboxReservation {
  uid: string;
  eventTypeId: number;
  /** The hosts whose time it holds: the owner, or every host of a team event type. */
  hosts: string[];
  start: number;
  end: number;
  until: number;
}

export interface SandboxData {
  users: SandboxUser[];
  eventTypes: SandboxEventType[];
  bookings: SandboxBooking[];
  /** Reservations made so far, expired ones included until they are cleaned up. */
  reservations?: SandboxReservation[];
}
